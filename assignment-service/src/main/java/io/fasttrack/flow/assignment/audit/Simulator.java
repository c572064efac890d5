package io.fasttrack.flow.assignment.audit;

import io.fasttrack.flow.assignment.domain.HistoryReplay.Step;
import io.fasttrack.flow.assignment.domain.Simulation;
import io.fasttrack.flow.assignment.domain.SlaPolicy;
import io.fasttrack.flow.assignment.messaging.DecisionGate;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a what-if on the real history: the log read from its topics, the decider's steps from its journal, decided
 * again by the pure balancer under the overrides. Reads only: nothing is published and nothing is written.
 */
@ApplicationScoped
public class Simulator {

    /** How many differing requests an answer lists (all are counted). */
    static final int DIFFERING_SHOWN = 1_000;

    /**
     * A simulation asked for: the window, and what is different in it.
     *
     * @param weights            weight per request type, the service's for the types not named
     * @param continuityLookback the service's when null
     * @param holidays           per region, the holidays that replace the region's own
     */
    public record Scenario(Instant from, Instant to, Map<RequestType, Integer> weights, Duration continuityLookback,
            Map<Region, List<LocalDate>> holidays, Simulation.RosterOverrides roster) {
    }

    @Inject
    LoggedHistory log;

    @Inject
    DecisionGate gate;

    @Inject
    SlaPolicy sla;

    public Simulation.Result simulate(Scenario scenario) {
        RecordedHistory history = log.read();
        List<Step> steps = new ArrayList<>();
        log.steps(history, steps::add);
        SlaPolicy simulatedSla = scenario.holidays().isEmpty() ? sla : sla.withHolidays(scenario.holidays());
        Duration lookback = scenario.continuityLookback() == null ? gate.continuityLookback()
                : scenario.continuityLookback();
        Simulation simulation = new Simulation(gate.newBalancer(), sla, gate.newBalancer(),
                gate.weightsWith(scenario.weights()), lookback, simulatedSla, scenario.roster(), scenario.from(),
                scenario.to(), DIFFERING_SHOWN);
        return simulation.run(steps, history::decision);
    }
}
