package io.fasttrack.flow.assignment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The assumptions of SPEC section 3 and the service's own knobs; every one is configuration. */
@ConfigMapping(prefix = "fasttrack.assignment")
public interface AssignmentSettings {

    /** Units of capacity per request type name, e.g. {@code fasttrack.assignment.weights.DISCOVERY_WORKSHOP=3}. */
    Map<String, Integer> weights();

    /** Weight of a request type not listed in {@link #weights()}. */
    @WithDefault("1")
    int defaultWeight();

    /** How many scored candidates a decision lists (and how many examples per exclusion reason). */
    @WithDefault("5")
    int explanationTopK();

    /** Re-apply this service's own decisions from the assignments topic before consuming anything (see README). */
    @WithDefault("true")
    boolean replayDecisionsAtStartup();

    /** Consumer group of the three inputs; a new group with an empty database rebuilds everything from the log. */
    @WithDefault("assignment-service")
    String consumerGroup();

    Sla sla();

    Continuity continuity();

    interface Continuity {

        /** How long after an engagement completed its architect still takes the customer's next request (CONTINUITY). */
        @WithDefault("P180D")
        Duration lookback();
    }

    interface Sla {

        @WithDefault("2")
        int businessDays();

        /** How often waiting requests are compared with their deadline, e.g. {@code 1m}. */
        @WithDefault("1m")
        String checkInterval();

        /**
         * Dates (ISO, e.g. 2026-12-25) that are not business days: {@code holidays} in every region, and
         * {@code holidays.<REGION>} besides in that region.
         */
        Holidays holidays();

        /** The share of the business-time window after which a waiting request is at risk (AssignmentSlaAtRisk). */
        @WithDefault("0.75")
        BigDecimal atRiskShare();

        /** Team manager an SLA warning or breach is addressed to when none is configured for its role, region or queue. */
        @WithDefault("fasttrack-team-manager")
        String teamManager();

        /**
         * Team managers by role or queue name: {@code team-managers.<ROLE>.<REGION>} for one region,
         * {@code team-managers.<ROLE>} or {@code team-managers.<QUEUE>} for all of them.
         */
        Map<String, TeamManagers> teamManagers();
    }

    /** {@code holidays} in every region, {@code holidays.<REGION>} besides in that one. */
    interface Holidays {

        @WithParentName
        Optional<List<String>> everywhere();

        @WithParentName
        Map<String, List<String>> perRegion();
    }

    /** {@code team-managers.<ROLE or QUEUE>} in every region, {@code team-managers.<ROLE or QUEUE>.<REGION>} in that one. */
    interface TeamManagers {

        @WithParentName
        Optional<String> everywhere();

        @WithParentName
        Map<String, String> perRegion();
    }
}
