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

    interface Forecast {

        /** Days past the latest report the forecast looks when no renewal date ahead is known. */
        @WithDefault("365")
        int defaultHorizonDays();

        /** Distinct report dates needed before a trend is drawn. */
        @WithDefault("3")
        int minimumReportDates();
    }

    interface Usage {

        /** Most reports one POST /usage may carry. */
        @WithDefault("10000")
        int maxBatchSize();

        /** How long POST /usage waits for the broker to acknowledge every event before answering 503. */
        @WithDefault("30s")
        Duration publishTimeout();
    }
}
