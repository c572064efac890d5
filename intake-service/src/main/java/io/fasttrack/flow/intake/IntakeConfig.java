package io.fasttrack.flow.intake;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the intake-service; every one can be overridden by environment variable (FASTTRACK_INTAKE_...). */
@ConfigMapping(prefix = "fasttrack.intake")
public interface IntakeConfig {

    /** How long POST /requests waits for the broker's acknowledgement before answering 503. */
    @WithDefault("5s")
    Duration publishTimeout();

    /** The Retry-After (seconds) sent with a 503. */
    @WithDefault("5")
    int retryAfterSeconds();

    /** Largest request body accepted; larger ones get a 413 problem. */
    @WithDefault("256K")
    MemorySize maxBodySize();

    /** A key still pending after this long is taken over by a repeat (its first holder died before the answer). */
    @WithDefault("1m")
    Duration idempotencyPendingTimeout();

    /** A request still SUBMITTED, or ASSIGNED without an engagement, this long after it got there has stalled. */
    @WithDefault("5m")
    Duration stallAfter();

    /**
     * How often the stall sweep looks for stalled requests. The sweep's {@code @Scheduled} expression reads it; it is
     * declared here because this mapping refuses any {@code fasttrack.intake} property it does not declare.
     */
    @WithDefault("30s")
    Duration stallCheckInterval();
}
