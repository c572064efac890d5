package io.fasttrack.flow.assignment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The decider lease (README "One decider"): how long it lasts, how often the holder renews it and a follower asks. */
@ConfigMapping(prefix = "fasttrack.assignment.lease")
public interface DeciderLeaseSettings {

    /** How long a lease lasts unrenewed: how long a follower waits before taking over from a holder that died. */
    @WithDefault("10s")
    Duration duration();

    /** How often the holder renews its lease while it has nothing to decide; well below {@link #duration()}. */
    @WithDefault("2s")
    Duration renewInterval();

    /** How often a follower tries to take the lease. */
    @WithDefault("1s")
    Duration pollInterval();
}
