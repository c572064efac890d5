package io.fasttrack.flow.kit.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How every service consumes and publishes; each default can be overridden (FASTTRACK_EVENTS_ACK_TIMEOUT, ...). */
@ConfigMapping(prefix = "fasttrack.events")
public interface KitSettings {

    /** How long a batch waits, in all, for the broker to acknowledge what it published before it counts as transient. */
    @WithDefault("10s")
    Duration ackTimeout();

    /** An event dated further than this ahead of the service's clock is refused as permanently bad. */
    @WithDefault("5m")
    Duration maxClockSkew();

    /** The first wait after a transient failure; it doubles on each further failure, up to {@link #maxRetryBackoff()}. */
    @WithDefault("100ms")
    Duration retryBackoff();

    @WithDefault("5s")
    Duration maxRetryBackoff();
}
