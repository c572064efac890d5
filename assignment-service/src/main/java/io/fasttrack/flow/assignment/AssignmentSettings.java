package io.fasttrack.flow.assignment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
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

    interface Sla {

        @WithDefault("2")
        int businessDays();

        /** How often waiting requests are compared with their deadline, e.g. {@code 1m}. */
        @WithDefault("1m")
        String checkInterval();

        /** Dates (ISO, e.g. 2026-12-25) that are not business days in any time zone. */
        Optional<List<String>> holidays();

        /** Team manager an SLA breach is addressed to, when {@link #teamManagers()} has no entry for the queue. */
        @WithDefault("fasttrack-team-manager")
        String teamManager();

        /** Team manager per queue name (FTA, FTCHELP). */
        Map<String, String> teamManagers();
    }
}
