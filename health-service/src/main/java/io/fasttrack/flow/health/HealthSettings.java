package io.fasttrack.flow.health;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/** The health-service's own settings; every one can be overridden by an environment variable (FASTTRACK_HEALTH_...). */
@ConfigMapping(prefix = "fasttrack.health")
public interface HealthSettings {

    /** Category names, lowest first. */
    @WithDefault("NO_USAGE,LOW,GROWING,HEALTHY")
    List<String> categoryNames();

    /** Utilization in percent at which each category after the first starts, ascending. */
    @WithDefault("5,30,60")
    List<BigDecimal> categoryThresholdsPercent();

    /** How many percentage points a customer must cross a boundary of its category by before it leaves it. */
    @WithDefault("2")
    BigDecimal marginPercent();

    /** At most this many driving workloads are named in a HealthCategoryChanged. */
    @WithDefault("3")
    int driverLimit();

    Forecast forecast();

    Usage usage();

    Renewal renewal();
    Alerts alerts();

    interface Forecast {

        /** Days past the latest report the forecast looks when no renewal date ahead is known. */
        @WithDefault("365")
        int defaultHorizonDays();

        /** Distinct report dates needed before a trend is drawn. */
        @WithDefault("3")
        int minimumReportDates();
    }

    interface Renewal {

        /** A renewal whose forecast category is below this one is at risk (RenewalAtRisk); one of the category names. */
        @WithDefault("HEALTHY")
        String targetCategory();
    }

    interface Usage {

        /** Most reports one POST /usage may carry. */
        @WithDefault("10000")
        int maxBatchSize();

        /** How long POST /usage waits for the broker to acknowledge every event before answering 503. */
        @WithDefault("30s")
        Duration publishTimeout();

        /** An Idempotency-Key still pending after this long is taken over by a repeat (its first holder died before the answer). */
        @WithDefault("1m")
        Duration idempotencyPendingTimeout();
    }

    interface Alerts {

        /** A category change DOWN stays an alert this long unless the customer moves up first. */
        @WithDefault("P30D")
        Duration categoryDownWindow();

        /** How often the sweep ends the alerts whose time is up (the sweep's {@code @Scheduled} reads it). */
        @WithDefault("1m")
        Duration sweepInterval();
    }
}
