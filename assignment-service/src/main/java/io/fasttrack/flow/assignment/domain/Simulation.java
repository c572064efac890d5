package io.fasttrack.flow.assignment.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import io.fasttrack.flow.assignment.domain.HistoryReplay.Outcome;
import io.fasttrack.flow.assignment.domain.HistoryReplay.Rederived;
import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.Region;

/**
 * What if: the recorded history decided again with other weights, capacities, architects, away windows, continuity
 * lookback or holidays, next to the history as it was. Both runs replay the log from its beginning. Up to the window
 * they follow the recorded decisions exactly, so the window starts from the real state. In the window the recorded
 * run goes on following them, and the simulated run decides by itself under the overrides: every request at its
 * recorded arrival, every roster change at its recorded time, and every engagement completed as long after its
 * assignment as it really took. Nothing is published or written: this is the pure balancer on the inputs of the log.
 */
public final class Simulation {

    /** What the simulated run changes in the roster from the window's start; its balancer carries weights and lookback. */
    public record RosterOverrides(Map<String, Integer> capacity, List<Architect> added, Set<String> removed,
            Map<String, AwayWindow> away) {

        public static final RosterOverrides NONE = new RosterOverrides(Map.of(), List.of(), Set.of(), Map.of());

        public RosterOverrides {
            capacity = Map.copyOf(capacity);
            added = List.copyOf(added);
            removed = Set.copyOf(removed);
            away = Map.copyOf(away);
        }

        /** The profile as the simulation has it: the recorded one with this architect's overrides applied. */
        Architect apply(Architect profile, Instant from, Instant to) {
            Architect changed = profile;
            Integer newCapacity = capacity.get(profile.id());
            if (newCapacity != null) {
                changed = withCapacityAndAway(changed, newCapacity, changed.awayFrom(), changed.awayTo());
            }
            AwayWindow window = away.get(profile.id());
            if (window != null) {
                changed = withCapacityAndAway(changed, changed.capacity(), window.from(), window.to());
            }
            if (removed.contains(profile.id())) {
                // off the roster for the whole window: away from its first day to its last, whatever it had
                changed = withCapacityAndAway(changed, changed.capacity(), day(from, changed.timeZone()),
                        day(to, changed.timeZone()));
            }
            return changed;
        }

        private static Architect withCapacityAndAway(Architect profile, int capacity, LocalDate awayFrom,
                LocalDate awayTo) {
            return new Architect(profile.id(), profile.name(), profile.role(), profile.region(), profile.timeZone(),
                    capacity, profile.skills(), profile.teamManager(), awayFrom, awayTo);
        }

        private static LocalDate day(Instant at, ZoneId zone) {
            return at.atZone(zone).toLocalDate();
        }
    }

    /** Away from {@code from} to {@code to} inclusive, in the architect's time zone. */
    public record AwayWindow(LocalDate from, LocalDate to) {
    }

    /** One run's figures over the window. Shares are of 1; waits in business hours of the request's region. */
    public record Figures(BigDecimal slaMet, BigDecimal meanWaitBusinessHours, BigDecimal p90WaitBusinessHours,
            int longestQueue, Map<ArchitectRole, BigDecimal> utilizationGini,
            Map<ArchitectRole, BigDecimal> utilizationSpread, Map<String, List<LoadPoint>> architects,
            int overCapacity) {
    }

    /** An architect's load at the end of one day of the window. */
    public record LoadPoint(LocalDate day, int load) {
    }

    /** A request the two runs gave to different architects ({@code null}: still waiting at the window's end). */
    public record Difference(String requestId, String recorded, String simulated) {
    }

    /**
     * @param decisions      the balancer's decisions the simulated run took in the window
     * @param differingCount how many requests that arrived in the window went elsewhere; {@code differing} lists the
     *                       first {@code shown} of them, in arrival order
     */
    public record Result(long decisions, Figures recorded, Figures simulated, long differingCount,
            List<Difference> differing) {
    }

    private final Run asRecorded;
    private final Run simulated;
    private final WeightPolicy simulatedWeights;
    private final Duration simulatedLookback;
    private final Instant from;
    private final Instant to;
    private final int shown;

    /**
     * @param recordedBalancer  an empty balancer with the service's policy, for the run that follows the record
     * @param simulatedBalancer another one, for the run that decides by itself from {@code from}
     * @param simulatedWeights  the weights the simulated run decides with from {@code from}
     * @param simulatedLookback its continuity lookback from {@code from}
     * @param simulatedSla      deadlines and business hours with the simulated holidays
     * @param roster            what the simulated run changes in the roster from {@code from}
     * @param shown             how many differing requests the result lists
     */
    public Simulation(Balancer recordedBalancer, SlaPolicy recordedSla, Balancer simulatedBalancer,
            WeightPolicy simulatedWeights, Duration simulatedLookback, SlaPolicy simulatedSla, RosterOverrides roster,
            Instant from, Instant to, int shown) {
        this.from = from;
        this.to = to;
        this.shown = shown;
        this.simulatedWeights = simulatedWeights;
        this.simulatedLookback = simulatedLookback;
        this.asRecorded = new Run(recordedBalancer, recordedSla, RosterOverrides.NONE, false, null);
        this.simulated = new Run(simulatedBalancer, simulatedSla, roster, true, asRecorded);
    }

    /** Replays the steps (in the decider's order, up to {@code to}); {@code recorded} finds a recorded decision. */
    public Result run(Iterable<HistoryReplay.Step> steps, Function<UUID, Optional<Outcome>> recorded) {
        for (HistoryReplay.Step step : steps) {
            Instant at = timeOf(step);
            if (at != null && at.isAfter(to)) {
                break;
            }
            asRecorded.apply(step, at, recorded);
            simulated.apply(step, at, recorded);
        }
        asRecorded.finish();
        simulated.finish();
        List<Difference> differing = new ArrayList<>();
        long differingCount = 0;
        for (Map.Entry<String, Arrived> arrival : simulated.arrivals.entrySet()) {
            Arrived recordedArrival = asRecorded.arrivals.get(arrival.getKey());
            String recordedArchitect = recordedArrival == null ? null : recordedArrival.architectId;
            if (!Objects.equals(recordedArchitect, arrival.getValue().architectId)) {
                differingCount++;
                if (differing.size() < shown) {
                    differing.add(new Difference(arrival.getKey(), recordedArchitect, arrival.getValue().architectId));
                }
            }
        }
        return new Result(simulated.decisions, asRecorded.figures(), simulated.figures(), differingCount, differing);
    }

    /** A request that arrived in the window, and when and to whom it was first assigned. */
    private static final class Arrived {
        final Instant submittedAt;
        final Instant slaDeadline;
        final Region region;
        final ZoneId zone;
        Instant assignedAt;
        String architectId;

        Arrived(Instant submittedAt, Instant slaDeadline, Region region, ZoneId zone) {
            this.submittedAt = submittedAt;
            this.slaDeadline = slaDeadline;
            this.region = region;
            this.zone = zone;
        }
    }

    /** A completion the simulated run moved: the engagement ends as long after its assignment as it really took. */
    private record DueCompletion(Instant at, String requestId) {
    }

    /** One of the two runs: its replay, what it saw in the window and its daily samples. */
    private final class Run {
        final Balancer balancer;
        final SlaPolicy sla;
        final RosterOverrides roster;
        final boolean decidesInTheWindow;
        final Run recordedRun;
        final HistoryReplay replay;
        final Map<String, Arrived> arrivals = new LinkedHashMap<>();
        final Map<String, Duration> pendingDurations = new HashMap<>();
        /** When each request was first assigned in this run, whenever it arrived: how long its engagements took. */
        final Map<String, Instant> firstAssigned = new HashMap<>();
        final PriorityQueue<DueCompletion> dueCompletions = new PriorityQueue<>(
                Comparator.comparing(DueCompletion::at).thenComparing(DueCompletion::requestId));
        final Map<ArchitectRole, List<BigDecimal>> giniSamples = new EnumMap<>(ArchitectRole.class);
        final Map<ArchitectRole, List<BigDecimal>> spreadSamples = new EnumMap<>(ArchitectRole.class);
        final Map<String, List<LoadPoint>> loads = new TreeMap<>();
        /** Who got work in the step being applied: checked against capacity once the step has settled. */
        final Set<String> assignedInThisStep = new HashSet<>();
        long decisions;
        int longestQueue;
        int overCapacity;
        boolean inWindow;
        LocalDate lastSampled;

        Run(Balancer balancer, SlaPolicy sla, RosterOverrides roster, boolean decidesInTheWindow, Run recordedRun) {
            this.balancer = balancer;
            this.sla = sla;
            this.roster = roster;
            this.decidesInTheWindow = decidesInTheWindow;
            this.recordedRun = recordedRun;
            this.replay = new HistoryReplay(balancer, (request, at, excluded) -> { });
        }

        void apply(HistoryReplay.Step recordedStep, Instant at, Function<UUID, Optional<Outcome>> recorded) {
            if (at != null && !inWindow && !at.isBefore(from)) {
                enterWindow();
            }
            if (at != null) {
                completeDueBy(at);
                sampleUpTo(at);
            }
            Function<UUID, Optional<Outcome>> lookup = inWindow && decidesInTheWindow ? id -> Optional.empty() : recorded;
            HistoryReplay.Step step = recordedStep;
            if (inWindow && decidesInTheWindow) {
                step = underOverrides(step);
                if (step == null) {
                    return;
                }
            }
            if (inWindow && step instanceof HistoryReplay.Arrival arrival) {
                arrivals.put(arrival.request().requestId(), new Arrived(arrival.submittedAt(), arrival.slaDeadline(),
                        arrival.request().region(), arrival.zone()));
            }
            replay.apply(step, lookup, this::decided);
            if (step instanceof HistoryReplay.AsRecorded asRecorded) {
                assigned(asRecorded.outcome());
            }
            checkCapacity();
            longestQueue = inWindow ? Math.max(longestQueue, replay.waiting()) : longestQueue;
        }

        /** The step as the simulated run takes it in the window, or null when it has nothing to do there. */
        private HistoryReplay.Step underOverrides(HistoryReplay.Step step) {
            if (step instanceof HistoryReplay.Arrival arrival) {
                Instant deadline = sla.deadline(arrival.submittedAt(), arrival.request().region(), arrival.zone());
                return new HistoryReplay.Arrival(arrival.eventId(), arrival.request(), arrival.submittedAt(), deadline,
                        arrival.zone());
            }
            if (step instanceof HistoryReplay.RosterChange change) {
                return new HistoryReplay.RosterChange(change.eventId(), roster.apply(change.profile(), from, to),
                        change.at(), change.servesQueue());
            }
            if (step instanceof HistoryReplay.Completion completion
                    && balancer.openAssignment(completion.requestId()).isEmpty()) {
                // still waiting here: it will complete as long after its assignment here as it took for real (the
                // step itself still moves the clock and serves the queue, as it did)
                Instant assignedForReal = recordedRun.assignedAt(completion.requestId());
                if (assignedForReal != null && replay.isWaiting(completion.requestId())) {
                    pendingDurations.put(completion.requestId(), Duration.between(assignedForReal, completion.at()));
                }
                return step;
            }
            if (step instanceof HistoryReplay.AsRecorded asRecorded && asRecorded.outcome().assigned()) {
                // a manager's decision stands where the architect can take the request under the overrides
                Outcome decision = asRecorded.outcome();
                boolean fits = decision.request() == null || balancer.refusalOf(decision.architectId(),
                        decision.request(), decision.decidedAt()).isEmpty();
                return fits ? step : null;
            }
            return step;
        }

        private void enterWindow() {
            inWindow = true;
            if (!decidesInTheWindow) {
                return;
            }
            balancer.changePolicy(simulatedWeights, simulatedLookback);
            boolean changedAny = !roster.added().isEmpty();
            for (ArchitectRole role : ArchitectRole.values()) {
                for (ArchitectView view : balancer.views(role, 0, Integer.MAX_VALUE)) {
                    Architect changed = roster.apply(view.profile(), from, to);
                    if (!changed.equals(view.profile())) {
                        balancer.upsertArchitect(changed, from);
                        changedAny = true;
                    }
                }
            }
            roster.added().forEach(architect -> balancer.upsertArchitect(architect, from));
            if (changedAny) {
                // a roster changed at the window's start offers its capacity to the queue, as a real change would
                replay.apply(new HistoryReplay.Sweep(from), id -> Optional.empty(), this::decided);
                checkCapacity();
            }
        }

        private void decided(Rederived decision) {
            Outcome effective = decision.recorded() != null ? decision.recorded() : decision.rederived();
            if (inWindow) {
                decisions++;
            }
            assigned(effective);
        }

        private void assigned(Outcome outcome) {
            if (!outcome.assigned()) {
                return;
            }
            firstAssigned.putIfAbsent(outcome.requestId(), outcome.decidedAt());
            Arrived arrived = arrivals.get(outcome.requestId());
            if (arrived != null && arrived.assignedAt == null) {
                arrived.assignedAt = outcome.decidedAt();
                arrived.architectId = outcome.architectId();
            }
            Duration lasted = pendingDurations.remove(outcome.requestId());
            if (lasted != null) {
                dueCompletions.add(new DueCompletion(outcome.decidedAt().plus(lasted), outcome.requestId()));
            }
            assignedInThisStep.add(outcome.architectId());
        }

        /**
         * Counts each architect who got work in the step and carries more than their capacity now. The replay settles a
         * step before this: a decision it re-derived differently is replaced by the recorded one by then.
         */
        private void checkCapacity() {
            for (String architectId : assignedInThisStep) {
                balancer.view(architectId).filter(view -> view.load() > view.profile().capacity())
                        .ifPresent(view -> overCapacity++);
            }
            assignedInThisStep.clear();
        }

        Instant assignedAt(String requestId) {
            return firstAssigned.get(requestId);
        }

        private void completeDueBy(Instant at) {
            while (!dueCompletions.isEmpty() && !dueCompletions.peek().at().isAfter(at)) {
                DueCompletion due = dueCompletions.poll();
                UUID id = UUID.nameUUIDFromBytes(("simulated completion " + due.requestId()).getBytes());
                replay.apply(new HistoryReplay.Completion(id, due.requestId(), due.at(), true), x -> Optional.empty(),
                        this::decided);
                checkCapacity();
            }
        }

        /** Samples the utilization of each day of the window that ended before {@code at}. */
        private void sampleUpTo(Instant at) {
            if (!inWindow) {
                return;
            }
            LocalDate today = at.atZone(ZoneOffset.UTC).toLocalDate();
            if (lastSampled == null) {
                lastSampled = from.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
            }
            if (today.isAfter(lastSampled.plusDays(1))) {
                sample(today.minusDays(1));
                lastSampled = today.minusDays(1);
            }
        }

        private void sample(LocalDate day) {
            for (ArchitectRole role : ArchitectRole.values()) {
                List<ArchitectView> views = balancer.views(role, 0, Integer.MAX_VALUE);
                List<Double> utilizations = new ArrayList<>();
                for (ArchitectView view : views) {
                    loads.computeIfAbsent(view.profile().id(), id -> new ArrayList<>())
                            .add(new LoadPoint(day, view.load()));
                    if (!view.away()) {
                        utilizations.add((double) view.load() / view.profile().capacity());
                    }
                }
                if (!utilizations.isEmpty()) {
                    giniSamples.computeIfAbsent(role, r -> new ArrayList<>()).add(gini(utilizations));
                    double max = utilizations.stream().mapToDouble(Double::doubleValue).max().orElse(0);
                    double min = utilizations.stream().mapToDouble(Double::doubleValue).min().orElse(0);
                    spreadSamples.computeIfAbsent(role, r -> new ArrayList<>()).add(round(max - min));
                }
            }
        }

        void finish() {
            if (!inWindow) {
                enterWindow();
            }
            completeDueBy(to);
            sample(to.atZone(ZoneOffset.UTC).toLocalDate());
        }

        Figures figures() {
            int known = 0;
            int met = 0;
            List<Double> waits = new ArrayList<>();
            for (Arrived arrived : arrivals.values()) {
                Instant until = arrived.assignedAt != null ? arrived.assignedAt : to;
                waits.add(sla.calendar(arrived.region).businessTimeBetween(arrived.submittedAt, until, arrived.zone)
                        .toSeconds() / 3600.0);
                if (arrived.assignedAt != null) {
                    known++;
                    met += arrived.assignedAt.isAfter(arrived.slaDeadline) ? 0 : 1;
                } else if (!arrived.slaDeadline.isAfter(to)) {
                    known++;
                }
            }
            waits.sort(Comparator.naturalOrder());
            BigDecimal mean = waits.isEmpty() ? BigDecimal.ZERO
                    : round(waits.stream().mapToDouble(Double::doubleValue).average().orElse(0));
            BigDecimal p90 = waits.isEmpty() ? BigDecimal.ZERO
                    : round(waits.get(Math.max(0, (int) Math.ceil(waits.size() * 0.9) - 1)));
            BigDecimal slaMet = known == 0 ? BigDecimal.ONE
                    : BigDecimal.valueOf(met).divide(BigDecimal.valueOf(known), 4, RoundingMode.HALF_UP);
            return new Figures(slaMet, mean, p90, longestQueue, averages(giniSamples), averages(spreadSamples), loads,
                    overCapacity);
        }
    }

    /** When a step happened; a tenant identification has no time of its own (null). */
    static Instant timeOf(HistoryReplay.Step step) {
        if (step instanceof HistoryReplay.Arrival arrival) {
            return arrival.submittedAt();
        }
        if (step instanceof HistoryReplay.RosterChange change) {
            return change.at();
        }
        if (step instanceof HistoryReplay.Completion completion) {
            return completion.at();
        }
        if (step instanceof HistoryReplay.Sweep sweep) {
            return sweep.at();
        }
        if (step instanceof HistoryReplay.AsRecorded asRecorded) {
            return asRecorded.outcome().decidedAt();
        }
        return null;
    }

    /** The Gini coefficient of the utilizations: 0 when everyone carries the same share, towards 1 when few carry all. */
    static BigDecimal gini(List<Double> values) {
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        if (mean == 0) {
            return BigDecimal.ZERO.setScale(4);
        }
        double sum = 0;
        for (double a : values) {
            for (double b : values) {
                sum += Math.abs(a - b);
            }
        }
        return round(sum / (2.0 * values.size() * values.size() * mean));
    }

    private static Map<ArchitectRole, BigDecimal> averages(Map<ArchitectRole, List<BigDecimal>> samples) {
        Map<ArchitectRole, BigDecimal> averages = new EnumMap<>(ArchitectRole.class);
        samples.forEach((role, values) -> averages.put(role, values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 4, RoundingMode.HALF_UP)));
        return averages;
    }

    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
    }
}
