package io.fasttrack.flow.assignment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.Workload;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The indexed {@link Balancer} decides as the plain {@link ReferenceBalancer} does, whatever the roster and whatever
 * happens to it: requests of every kind and customer arriving, engagements completing, work moving, capacities and
 * away periods changing, time passing, the service rebuilding its balancer from its tables. Both are driven as the
 * assignment engine drives its balancer: a request nobody can take waits, the head of the queue is reserved the
 * architect it will get first, and the other requests are decided without that architect. At every step both pick
 * the same architect by the same rule with the same scores and counts, reserve the same architect, and explain
 * "why not this architect" alike, now and a few days later.
 */
class BalancerPropertyTest {

    private static final Instant START = Instant.parse("2026-11-02T08:00:00Z");
    /** Every queue with requests of 1, 2 and 3 units, so that a small request can take what a big one waits for. */
    private static final WeightPolicy WEIGHTS = new WeightPolicy(Map.of(RequestType.DISCOVERY_WORKSHOP, 3,
            RequestType.ECIF_DWR_REVIEW, 2, RequestType.LAND_FTC_BENEFIT, 2, RequestType.SALES_SUPPORT_INQUIRY, 3), 1);
    private static final Duration LOOKBACK = Duration.ofDays(20);
    private static final int TOP_K = 3;
    private static final List<Workload> WORKLOADS = List.of(Workload.EXCHANGE, Workload.TEAMS, Workload.INTUNE,
            Workload.COPILOT);
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"),
            ZoneId.of("Asia/Tokyo"));

    @Property(tries = 500)
    void theIndexedBalancerDecidesAsTheReference(@ForAll("rosters") List<Profile> roster,
            @ForAll("operations") List<Operation> operations) {
        Simulation simulation = new Simulation(roster);
        for (Operation operation : operations) {
            operation.applyTo(simulation);
        }
        // the rare paths must stay reachable by the generators, or the property would pass without testing them
        Statistics.label("returning customer's continuity").collect(simulation.returningContinuity > 0)
                .coverage(coverage -> coverage.check(true).percentage(share -> share >= 10));
        Statistics.label("work moved").collect(simulation.moved > 0)
                .coverage(coverage -> coverage.check(true).percentage(share -> share >= 10));
        Statistics.label("RESERVED held back").collect(simulation.reservedHeldBack > 0)
                .coverage(coverage -> coverage.check(true).percentage(share -> share >= 1));
    }

    @Provide
    Arbitrary<List<Profile>> rosters() {
        Arbitrary<ArchitectRole> roles = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(ArchitectRole.ALIGNMENT_FTA)),
                Tuple.of(2, Arbitraries.just(ArchitectRole.GET_MODERN_FTA)),
                Tuple.of(2, Arbitraries.just(ArchitectRole.FTCHELP)),
                Tuple.of(1, Arbitraries.just(ArchitectRole.FASTTRACK_MANAGER)));
        return Combinators.combine(roles, Arbitraries.of(Region.class), Arbitraries.of(ZONES), capacities(),
                        workloads(), aways().injectNull(0.6))
                .as(Profile::new)
                .list().ofMinSize(1).ofMaxSize(7).withSizeDistribution(RandomDistribution.uniform());
    }

    @Provide
    Arbitrary<List<Operation>> operations() {
        Arbitrary<Operation> submit = Combinators.combine(Arbitraries.of(RequestType.class),
                        Arbitraries.integers().between(0, 3), Arbitraries.of(Region.class), workloads(),
                        Arbitraries.of(false, false, false, true))
                .as(Submit::new);
        Arbitrary<Integer> picks = Arbitraries.integers().between(0, 20);
        Arbitrary<Integer> architects = Arbitraries.integers().between(0, 6);
        Arbitrary<Operation> complete = picks.map(Complete::new);
        Arbitrary<Operation> move = picks.map(Move::new);
        Arbitrary<Operation> capacity = Combinators.combine(architects, capacities()).as(ChangeCapacity::new);
        Arbitrary<Operation> away = Combinators.combine(architects, aways().injectNull(0.3)).as(ChangeAway::new);
        Arbitrary<Operation> advance = Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.integers().between(1, 48)),
                        Tuple.of(1, Arbitraries.integers().between(48, 24 * 20)))
                .map(Advance::new);
        Arbitrary<Operation> rebuild = Arbitraries.just(new Rebuild());
        Arbitrary<Operation> identify = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 3)).as(Identify::new);
        return Arbitraries.frequencyOf(
                        Tuple.of(8, submit),
                        Tuple.of(4, complete),
                        Tuple.of(1, move),
                        Tuple.of(2, capacity),
                        Tuple.of(1, away),
                        Tuple.of(3, advance),
                        Tuple.of(1, rebuild),
                        Tuple.of(1, identify))
                .list().ofMaxSize(60).withSizeDistribution(RandomDistribution.uniform());
    }

    private static Arbitrary<Integer> capacities() {
        return Arbitraries.integers().between(1, 10);
    }

    private static Arbitrary<Set<Workload>> workloads() {
        return Arbitraries.of(WORKLOADS).set().ofMaxSize(3);
    }

    private static Arbitrary<Away> aways() {
        return Combinators.combine(Arbitraries.integers().between(-2, 15), Arbitraries.integers().between(1, 6))
                .as(Away::new);
    }

    /** An architect of the generated roster; the i-th is called {@code a<i>}. */
    record Profile(ArchitectRole role, Region region, ZoneId zone, int capacity, Set<Workload> skills, Away away) {

        Architect toArchitect(String id, LocalDate today) {
            return new Architect(id, id, role, region, zone, capacity, skills, "tm",
                    away == null ? null : away.from(today), away == null ? null : away.to(today));
        }

        @Override
        public String toString() {
            return role + " " + region + " " + zone + " capacity " + capacity + " " + skills
                    + (away == null ? "" : " " + away);
        }
    }

    /** Away from {@code fromDay} days after the day it is set, for {@code days} days, in the architect's time zone. */
    record Away(int fromDay, int days) {

        LocalDate from(LocalDate today) {
            return today.plusDays(fromDay);
        }

        LocalDate to(LocalDate today) {
            return from(today).plusDays(days - 1);
        }

        @Override
        public String toString() {
            return "away from day " + fromDay + " for " + days + " days";
        }
    }

    interface Operation {
        void applyTo(Simulation simulation);
    }

    record Submit(RequestType type, int tenant, Region region, Set<Workload> workloads, boolean getModern)
            implements Operation {

        @Override
        public void applyTo(Simulation simulation) {
            simulation.submit(this);
        }

        @Override
        public String toString() {
            return "submit " + type + " for t" + tenant + " in " + region + " " + workloads
                    + (getModern ? " getModern" : "");
        }
    }

    /** The engagement of the {@code pick}-th open request (by request id, modulo their number) completes. */
    record Complete(int pick) implements Operation {

        @Override
        public void applyTo(Simulation simulation) {
            simulation.complete(pick);
        }

        @Override
        public String toString() {
            return "complete open #" + pick;
        }
    }

    /** A manager moves the {@code pick}-th open request and lets the balancer choose. */
    record Move(int pick) implements Operation {

        @Override
        public void applyTo(Simulation simulation) {
            simulation.move(pick);
        }

        @Override
        public String toString() {
            return "move open #" + pick;
        }
    }

    record ChangeCapacity(int architect, int capacity) implements Operation {

        @Override
        public void applyTo(Simulation simulation) {
            simulation.changeCapacity(architect, capacity);
        }

        @Override
        public String toString() {
            return "a" + architect + " capacity " + capacity;
        }
    }

    record ChangeAway(int architect, Away away) implements Operation {

        @Override
        public void applyTo(Simulation simulation) {
            simulation.changeAway(architect, away);
        }

        @Override
        public String toString() {
            return "a" + architect + (away == null ? " not away" : " " + away);
        }
    }

    record Advance(int hours) implements Operation {

        @Override
        public void applyTo(Simulation simulation) {
            simulation.advance(hours);
        }

        @Override
        public String toString() {
            return "advance " + hours + " h";
        }
    }

    /** Tenant {@code placeholder} turns out to be tenant {@code tenant}: chains and cycles included. */
    record Identify(int placeholder, int tenant) implements Operation {

        @Override
        public void applyTo(Simulation simulation) {
            simulation.identify("t" + placeholder, "t" + tenant);
        }

        @Override
        public String toString() {
            return "identify t" + placeholder + " as t" + tenant;
        }
    }

    record Rebuild() implements Operation {

        @Override
        public void applyTo(Simulation simulation) {
            simulation.rebuild();
        }

        @Override
        public String toString() {
            return "rebuild the balancer";
        }
    }

    /** Both balancers driven alike, with the waiting queue in submission order (the SLA deadlines' order here). */
    static final class Simulation {
        private final ReferenceBalancer reference = new ReferenceBalancer(WEIGHTS, TOP_K, LOOKBACK);
        private Balancer indexed = new Balancer(WEIGHTS, TOP_K, LOOKBACK);
        private final Map<String, Architect> profiles = new TreeMap<>();
        private final List<AssignmentRequest> waiting = new ArrayList<>();
        private final TreeMap<String, AssignmentRequest> open = new TreeMap<>();
        private Instant now = START;
        private int submitted;
        private int returningContinuity;
        private int reservedHeldBack;
        private int moved;

        Simulation(List<Profile> roster) {
            for (int i = 0; i < roster.size(); i++) {
                upsert(roster.get(i).toArchitect("a" + i, today()));
            }
        }

        void submit(Submit submit) {
            RequestQueue queue = switch (submit.type()) {
                case DISCOVERY_WORKSHOP, ECIF_DWR_REVIEW, MIGRATION_EXCEPTION -> RequestQueue.FTA;
                case LAND_FTC_BENEFIT, SALES_SUPPORT_INQUIRY, ENGAGE_BEFORE_LICENSE -> RequestQueue.FTCHELP;
            };
            AssignmentRequest request = new AssignmentRequest("r" + ++submitted, "t" + submit.tenant(), submit.type(),
                    queue, submit.getModern(), submit.region(), List.copyOf(submit.workloads()));
            Decision decision = decide(request, heldBackFor(request));
            if (decision.assigned()) {
                assign(request, decision);
            } else {
                waiting.add(request);
            }
        }

        void complete(int pick) {
            if (open.isEmpty()) {
                return;
            }
            String requestId = nth(pick);
            assertThat(indexed.release(requestId, now)).isEqualTo(reference.release(requestId, now));
            open.remove(requestId);
            assignWaiting();
        }

        void move(int pick) {
            if (open.isEmpty()) {
                return;
            }
            AssignmentRequest request = open.get(nth(pick));
            String current = indexed.openAssignment(request.requestId()).orElseThrow().architectId();
            Decision decision = decide(request, Map.of(current, Exclusion.CURRENT_ARCHITECT));
            moved++;
            if (decision.assigned()) {
                indexed.release(request.requestId());
                reference.release(request.requestId());
                assign(request, decision);
            }
            assignWaiting();
        }

        void changeCapacity(int architect, int capacity) {
            Architect profile = profileOf(architect);
            upsert(new Architect(profile.id(), profile.name(), profile.role(), profile.region(), profile.timeZone(),
                    capacity, profile.skills(), profile.teamManager(), profile.awayFrom(), profile.awayTo()));
            assignWaiting();
        }

        void changeAway(int architect, Away away) {
            Architect profile = profileOf(architect);
            upsert(new Architect(profile.id(), profile.name(), profile.role(), profile.region(), profile.timeZone(),
                    profile.capacity(), profile.skills(), profile.teamManager(),
                    away == null ? null : away.from(today()), away == null ? null : away.to(today())));
            assignWaiting();
        }

        void advance(int hours) {
            now = now.plus(Duration.ofHours(hours));
            assertThat(indexed.advanceTo(now)).isEqualTo(reference.advanceTo(now));
            assignWaiting();
        }

        void rebuild() {
            indexed = reference.rebuilt();
        }

        void identify(String placeholderId, String tenantId) {
            assertThat(indexed.identify(placeholderId, tenantId)).as("identify %s as %s", placeholderId, tenantId)
                    .isEqualTo(reference.identify(placeholderId, tenantId));
        }

        private void assignWaiting() {
            for (AssignmentRequest request : List.copyOf(waiting)) {
                Decision decision = decide(request, heldBackFor(request));
                if (decision.assigned()) {
                    waiting.remove(request);
                    assign(request, decision);
                }
            }
        }

        /** Held back from a request: the architect reserved for the first one of its role waiting ahead of it. */
        private Map<String, Exclusion> heldBackFor(AssignmentRequest request) {
            ArchitectRole role = Routing.roleFor(request.queue(), request.getModern());
            for (AssignmentRequest ahead : waiting) {
                if (ahead == request) {
                    break;
                }
                if (Routing.roleFor(ahead.queue(), ahead.getModern()) == role) {
                    return reservationFor(ahead);
                }
            }
            return Map.of();
        }

        private Map<String, Exclusion> reservationFor(AssignmentRequest head) {
            Optional<String> reserved = indexed.reservationFor(head, now);
            assertThat(reserved).as("reserved for %s", head.requestId()).isEqualTo(reference.reservationFor(head, now));
            return reserved.map(id -> Map.of(id, Exclusion.RESERVED)).orElse(Map.of());
        }

        private Decision decide(AssignmentRequest request, Map<String, Exclusion> excluded) {
            Decision expected = reference.decide(request, now, excluded);
            Decision decision = indexed.decide(request, now, excluded);
            assertThat(withoutExamples(decision)).as("decision of %s", request.requestId()).isEqualTo(expected);
            explainAlike(request, excluded, decision.architectId());
            if (decision.rule() == DecidingRule.CONTINUITY && !worksWith(decision.architectId(), request)) {
                returningContinuity++;
            }
            if (decision.excludedCounts().containsKey(Exclusion.RESERVED)) {
                reservedHeldBack++;
            }
            return decision;
        }

        /** Whether the architect has an open engagement with the request's customer, other than the request itself. */
        private boolean worksWith(String architectId, AssignmentRequest request) {
            return open.values().stream().anyMatch(other -> other != request
                    && other.tenantId().equals(request.tenantId())
                    && indexed.openAssignment(other.requestId()).orElseThrow().architectId().equals(architectId));
        }

        /** "Why not this architect", for every architect: against the winner now, against another one later. */
        private void explainAlike(AssignmentRequest request, Map<String, Exclusion> excluded, String winnerId) {
            List<String> ids = List.copyOf(profiles.keySet());
            Instant later = now.plus(Duration.ofDays(3));
            for (int i = 0; i < ids.size(); i++) {
                String architectId = ids.get(i);
                String another = ids.get((i + 1) % ids.size());
                assertThat(indexed.compare(request, now, excluded, architectId, winnerId))
                        .isEqualTo(reference.compare(request, now, excluded, architectId, winnerId));
                assertThat(indexed.compare(request, later, excluded, architectId, another))
                        .isEqualTo(reference.compare(request, later, excluded, architectId, another));
            }
        }

        private void assign(AssignmentRequest request, Decision decision) {
            indexed.assign(request.requestId(), decision.architectId(), request.tenantId(), decision.weight(),
                    decision.decidedAt());
            reference.assign(request.requestId(), decision.architectId(), request.tenantId(), decision.weight(),
                    decision.decidedAt());
            open.put(request.requestId(), request);
        }

        private void upsert(Architect profile) {
            profiles.put(profile.id(), profile);
            indexed.upsertArchitect(profile, now);
            reference.upsertArchitect(profile, now);
        }

        private Architect profileOf(int architect) {
            return profiles.get("a" + architect % profiles.size());
        }

        private String nth(int pick) {
            return List.copyOf(open.keySet()).get(pick % open.size());
        }

        private LocalDate today() {
            return now.atZone(ZoneOffset.UTC).toLocalDate();
        }

        private static Decision withoutExamples(Decision decision) {
            return new Decision(decision.requestId(), decision.architectId(), decision.rule(), decision.role(),
                    decision.weight(), decision.decidedAt(),
                    decision.candidates().stream().filter(candidate -> candidate.excludedBecause() == null).toList(),
                    decision.excludedCounts());
        }
    }
}
