package io.fasttrack.flow.assignment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.Workload;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * What-if on a generated history of thousands of requests, roster changes, completions and sweeps, decided once
 * by the policy to make the record: without overrides the simulation decides exactly as recorded; with a lighter
 * workshop it decides differently; whatever the overrides, no simulated architect is ever over capacity.
 */
class SimulationTest {

    private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
    /** The span of the generated history: 10,000 requests in it keep some 200 units of capacity busy, some waiting. */
    private static final Duration SPAN = Duration.ofDays(200);
    private static final Instant FROM = START.plus(Duration.ofDays(60));
    private static final Instant TO = START.plus(SPAN);
    private static final int ARCHITECTS = 36;

    private static final History TEN_THOUSAND = History.generate(7, 10_000);

    @Test
    void withoutOverridesNoDecisionDiffersAndTheFiguresAreTheRecordedOnes() {
        Simulation.Result result = simulate(TEN_THOUSAND, Map.of(), Simulation.RosterOverrides.NONE);

        assertThat(result.decisions()).isGreaterThan(5_000);
        assertThat(result.differingCount()).isZero();
        assertThat(result.differing()).isEmpty();
        assertThat(result.simulated()).isEqualTo(result.recorded());
        assertThat(result.recorded().overCapacity()).isZero();
        assertThat(result.recorded().longestQueue()).isPositive();
        assertThat(result.recorded().utilizationGini()).containsKeys(ArchitectRole.ALIGNMENT_FTA, ArchitectRole.FTCHELP);
    }

    @Test
    void aLighterWorkshopFitsMoreWorkAndDecidesOtherwise() {
        Simulation.Result result = simulate(TEN_THOUSAND, Map.of(RequestType.DISCOVERY_WORKSHOP, 2),
                Simulation.RosterOverrides.NONE);

        assertThat(result.differingCount()).isPositive();
        assertThat(result.simulated().overCapacity()).isZero();
        assertThat(result.simulated().meanWaitBusinessHours())
                .isLessThanOrEqualTo(result.recorded().meanWaitBusinessHours());
        Set<String> arrivedInTheWindow = TEN_THOUSAND.arrivedBetween(FROM, TO);
        assertThat(result.differing()).allSatisfy(difference ->
                assertThat(arrivedInTheWindow).contains(difference.requestId()));
    }

    @Test
    void anArchitectOnLeaveTakesNothingInTheWindow() {
        String onLeave = "architect-0";
        Simulation.Result result = simulate(TEN_THOUSAND, Map.of(), new Simulation.RosterOverrides(Map.of(), List.of(),
                Set.of(), Map.of(onLeave, new Simulation.AwayWindow(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))));

        assertThat(result.differing()).isNotEmpty().noneMatch(difference -> onLeave.equals(difference.simulated()));
        List<Simulation.LoadPoint> loads = result.simulated().architects().get(onLeave);
        assertThat(loads.get(loads.size() - 1).load()).isZero();
    }

    @Property(tries = 25)
    void noOverridesEverPutAnArchitectOverCapacity(@ForAll("weights") Map<RequestType, Integer> weights,
            @ForAll("capacities") Map<String, Integer> capacity, @ForAll("architectIds") Set<String> removed) {
        History history = History.generate(weights.hashCode(), 1_500);
        Simulation.Result result = simulate(history, weights,
                new Simulation.RosterOverrides(capacity, List.of(architect(ARCHITECTS, 2)), removed, Map.of()));

        assertThat(result.simulated().overCapacity()).isZero();
        assertThat(result.recorded().overCapacity()).isZero();
    }

    @Provide
    Arbitrary<Map<RequestType, Integer>> weights() {
        return Arbitraries.maps(Arbitraries.of(RequestType.class), Arbitraries.integers().between(1, 5)).ofMaxSize(6);
    }

    @Provide
    Arbitrary<Map<String, Integer>> capacities() {
        return Arbitraries.maps(Arbitraries.integers().between(0, ARCHITECTS - 1).map(i -> "architect-" + i),
                Arbitraries.integers().between(1, 12)).ofMaxSize(12);
    }

    @Provide
    Arbitrary<Set<String>> architectIds() {
        return Arbitraries.integers().between(0, ARCHITECTS - 1).map(i -> "architect-" + i).set().ofMaxSize(8);
    }

    private static Simulation.Result simulate(History history, Map<RequestType, Integer> weights,
            Simulation.RosterOverrides roster) {
        Map<RequestType, Integer> simulated = new HashMap<>();
        for (RequestType type : RequestType.values()) {
            simulated.put(type, WeightPolicy.specDefaults().weightOf(type));
        }
        simulated.putAll(weights);
        Simulation simulation = new Simulation(History.balancer(WeightPolicy.specDefaults()), History.SLA,
                History.balancer(WeightPolicy.specDefaults()), new WeightPolicy(simulated, 1), History.LOOKBACK,
                History.SLA, roster, FROM, TO, 10_000);
        return simulation.run(history.steps, id -> Optional.ofNullable(history.recorded.get(id)));
    }

    private static Architect architect(int index, int capacity) {
        ArchitectRole role = List.of(ArchitectRole.ALIGNMENT_FTA, ArchitectRole.GET_MODERN_FTA, ArchitectRole.FTCHELP)
                .get(index % 3);
        Set<Workload> skills = EnumSet.noneOf(Workload.class);
        Workload[] workloads = Workload.values();
        skills.add(workloads[index % workloads.length]);
        skills.add(workloads[(index * 7 + 3) % workloads.length]);
        return new Architect("architect-" + index, "Architect " + index, role, Region.values()[index % 3],
                ZoneOffset.UTC, capacity, skills, "tm-" + (index % 4), null, null);
    }

    /** A generated log as the decider journalled it, and the decisions the policy took on it (the record). */
    private record History(List<HistoryReplay.Step> steps, Map<UUID, HistoryReplay.Outcome> recorded,
            Map<String, Instant> arrivals) {

        static final SlaPolicy SLA = new SlaPolicy(new BusinessCalendar(List.of(), 2), Map.of(),
                new BigDecimal("0.75"), Map.of(), "tm");

        static final Duration LOOKBACK = Duration.ofDays(180);

        static Balancer balancer(WeightPolicy weights) {
            return new Balancer(weights, 5, LOOKBACK);
        }

        Set<String> arrivedBetween(Instant from, Instant to) {
            Set<String> ids = new HashSet<>();
            arrivals.forEach((id, at) -> {
                if (!at.isBefore(from) && !at.isAfter(to)) {
                    ids.add(id);
                }
            });
            return ids;
        }

        /**
         * Requests arriving evenly over the span, the roster changing now and then, a sweep every 4 hours; each
         * engagement completes 12 to 108 hours after the decider assigned it, so completions follow the decisions as
         * on a real log.
         */
        static History generate(long seed, int requests) {
            Random random = new Random(seed);
            record Timed(Instant at, long order, HistoryReplay.Step step) {
            }
            PriorityQueue<Timed> pending = new PriorityQueue<>(Comparator.comparing(Timed::at)
                    .thenComparing(Timed::order));
            long[] order = {0};
            for (int i = 0; i < ARCHITECTS; i++) {
                pending.add(new Timed(START.minusSeconds(3600), order[0]++, new HistoryReplay.RosterChange(
                        uuid(random), architect(i, 4 + random.nextInt(8)), START.minusSeconds(3600), false)));
            }
            Map<String, Instant> arrivals = new HashMap<>();
            Duration spacing = SPAN.dividedBy(requests);
            for (int i = 0; i < requests; i++) {
                Instant at = START.plus(spacing.multipliedBy(i)).plusSeconds(random.nextInt(30));
                RequestType type = RequestType.values()[random.nextInt(RequestType.values().length)];
                RequestQueue queue = type == RequestType.LAND_FTC_BENEFIT || type == RequestType.SALES_SUPPORT_INQUIRY
                        ? RequestQueue.FTCHELP : RequestQueue.FTA;
                String requestId = "request-" + i;
                AssignmentRequest request = new AssignmentRequest(requestId, "tenant-" + random.nextInt(2_000), type,
                        queue, random.nextBoolean(), Region.values()[random.nextInt(3)],
                        List.of(Workload.values()[random.nextInt(Workload.values().length)]));
                ZoneId zone = ZoneOffset.UTC;
                pending.add(new Timed(at, order[0]++, new HistoryReplay.Arrival(uuid(random), request, at,
                        SLA.deadline(at, request.region(), zone), zone)));
                arrivals.put(requestId, at);
                if (i % 400 == 399) {
                    int changed = random.nextInt(ARCHITECTS);
                    pending.add(new Timed(at.plusSeconds(1), order[0]++, new HistoryReplay.RosterChange(uuid(random),
                            architect(changed, 3 + random.nextInt(10)), at.plusSeconds(1), true)));
                }
            }
            for (Instant sweep = START; sweep.isBefore(START.plus(SPAN).plus(Duration.ofDays(10)));
                    sweep = sweep.plus(Duration.ofHours(4))) {
                pending.add(new Timed(sweep, order[0]++, new HistoryReplay.Sweep(sweep)));
            }
            List<HistoryReplay.Step> steps = new ArrayList<>();
            Map<UUID, HistoryReplay.Outcome> recorded = new HashMap<>();
            HistoryReplay decider = new HistoryReplay(balancer(WeightPolicy.specDefaults()), (request, at, excluded) -> { });
            while (!pending.isEmpty()) {
                HistoryReplay.Step step = pending.poll().step();
                steps.add(step);
                decider.apply(step, id -> Optional.empty(), derived -> {
                    HistoryReplay.Outcome outcome = derived.rederived();
                    recorded.put(outcome.eventId(), outcome);
                    if (outcome.assigned()) {
                        Instant completed = outcome.decidedAt().plus(Duration.ofHours(12 + random.nextInt(96)));
                        pending.add(new Timed(completed, order[0]++, new HistoryReplay.Completion(uuid(random),
                                outcome.requestId(), completed, true)));
                    }
                });
            }
            return new History(steps, recorded, arrivals);
        }

        private static UUID uuid(Random random) {
            return new UUID(random.nextLong(), random.nextLong());
        }
    }
}
