package io.fasttrack.flow.assignment.domain;

import io.fasttrack.flow.assignment.domain.CandidateComparison.Verdict;
import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.CandidateEvaluation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The balancer as SPEC section 3 reads, with no index: every question filters the whole roster by the policy's
 * eligibility and sorts every candidate by its rules in SPEC order. Slow and plain, so that
 * {@link BalancerPropertyTest} can hold the indexed {@link Balancer} to it.
 */
final class ReferenceBalancer {

    private final WeightPolicy weights;
    private final int topK;
    private final Duration continuityLookback;
    private final Map<String, Architect> roster = new TreeMap<>();
    private final List<OpenAssignment> open = new ArrayList<>();
    private final List<PastAssignment> history = new ArrayList<>();
    private final List<Completion> completions = new ArrayList<>();
    /** Each identified placeholder and the tenant it was identified as, in the order identified. */
    private final Map<String, String> identified = new LinkedHashMap<>();
    private Instant clock = Instant.EPOCH;

    ReferenceBalancer(WeightPolicy weights, int topK, Duration continuityLookback) {
        this.weights = weights;
        this.topK = topK;
        this.continuityLookback = continuityLookback;
    }

    Instant clock() {
        return clock;
    }

    Instant advanceTo(Instant at) {
        if (at.isAfter(clock)) {
            clock = at;
        }
        return clock;
    }

    void upsertArchitect(Architect profile, Instant at) {
        advanceTo(at);
        roster.put(profile.id(), profile);
    }

    /** The decision with its scored candidates only: the examples of each exclusion are the index's business. */
    Decision decide(AssignmentRequest request, Instant at, Map<String, Exclusion> excluded) {
        Instant now = advanceTo(at);
        Ranking ranking = rank(request, now, excluded);
        List<CandidateEvaluation> scored = ranking.ranked().stream().limit(topK).map(Candidate::evaluation).toList();
        String winner = ranking.ranked().isEmpty() ? null : ranking.ranked().get(0).id();
        return new Decision(request.requestId(), winner, BalancingRules.decidingRule(ranking.ranked()), ranking.role(),
                ranking.weight(), now, scored, ranking.excludedCounts());
    }

    Optional<String> reservationFor(AssignmentRequest head, Instant at) {
        Instant now = advanceTo(at);
        ArchitectRole role = Routing.roleFor(head.queue(), head.getModern());
        int weight = weights.weightOf(head.type());
        return roster.values().stream()
                .filter(architect -> BalancingRules.mayReserve(architect.role(), architect.isAwayAt(now),
                        architect.capacity(), role, weight))
                .map(architect -> standing(architect, now, open))
                .min(BalancingRules.reservationOrder(weight))
                .map(Standing::id);
    }

    CandidateComparison compare(AssignmentRequest request, Instant at, Map<String, Exclusion> excluded,
            String architectId, String winnerId) {
        Ranking ranking = rank(request, at.isAfter(clock) ? at : clock, excluded);
        CandidateEvaluation architect = ranking.evaluation(architectId);
        CandidateEvaluation winner = winnerId == null ? null : ranking.evaluation(winnerId);
        if (architect == null) {
            return new CandidateComparison(architectId, winnerId, Verdict.UNKNOWN_ARCHITECT, null, null, null, winner);
        }
        Exclusion exclusion = ranking.exclusions().get(architectId);
        if (exclusion != null) {
            return new CandidateComparison(architectId, winnerId, Verdict.EXCLUDED, exclusion, null, architect, winner);
        }
        if (architectId.equals(winnerId)) {
            return new CandidateComparison(architectId, winnerId, Verdict.WINNER, null, null, architect, winner);
        }
        if (winnerId == null) {
            return new CandidateComparison(architectId, null, Verdict.ELIGIBLE, null, null, architect, null);
        }
        int place = ranking.placeOf(architectId);
        int winnersPlace = ranking.placeOf(winnerId);
        if (winnersPlace < 0) {
            return new CandidateComparison(architectId, winnerId, Verdict.WINNER_NOT_ELIGIBLE, null, null, architect,
                    winner);
        }
        Candidate mine = ranking.ranked().get(place);
        Candidate theirs = ranking.ranked().get(winnersPlace);
        RankingRule rule = Arrays.stream(RankingRule.values())
                .filter(separating -> BalancingRules.compare(separating, mine, theirs) != 0)
                .findFirst()
                .orElseThrow();
        Verdict verdict = place > winnersPlace ? Verdict.LOST : Verdict.AHEAD_OF_WINNER;
        return new CandidateComparison(architectId, winnerId, verdict, null, rule, architect, winner);
    }

    void assign(String requestId, String architectId, String tenantId, int weight, Instant assignedAt) {
        advanceTo(assignedAt);
        open.add(new OpenAssignment(requestId, architectId, tenantId, weight));
        history.add(new PastAssignment(architectId, assignedAt));
    }

    Optional<OpenAssignment> release(String requestId) {
        Optional<OpenAssignment> released = open.stream().filter(o -> o.requestId().equals(requestId)).findFirst();
        released.ifPresent(open::remove);
        return released;
    }

    Optional<OpenAssignment> release(String requestId, Instant completedAt) {
        Optional<OpenAssignment> released = release(requestId);
        released.ifPresent(o -> completions.add(new Completion(o.tenantId(), o.architectId(), completedAt)));
        return released;
    }

    /** A placeholder is identified once, and never as a tenant that stands for it (a cycle). */
    boolean identify(String placeholderId, String tenantId) {
        if (identified.containsKey(placeholderId) || customer(tenantId).equals(placeholderId)) {
            return false;
        }
        identified.put(placeholderId, tenantId);
        return true;
    }

    /** The end of the tenant's chain of identifications. */
    private String customer(String tenantId) {
        String customer = tenantId;
        while (identified.containsKey(customer)) {
            customer = identified.get(customer);
        }
        return customer;
    }

    /** The indexed balancer restored from this one's state, the way the service rebuilds it from its tables. */
    Balancer rebuilt() {
        Balancer rebuilt = new Balancer(weights, topK, continuityLookback);
        rebuilt.advanceTo(clock);
        roster.values().forEach(profile -> rebuilt.upsertArchitect(profile, clock));
        history.forEach(past -> rebuilt.restoreHistory(past.architectId(), past.assignedAt()));
        open.forEach(o -> rebuilt.restoreOpen(o.requestId(), o.architectId(), o.tenantId(), o.weight()));
        // newest first, to show that the order of the completions does not matter
        for (int i = completions.size() - 1; i >= 0; i--) {
            Completion completion = completions.get(i);
            rebuilt.restoreCompleted(completion.tenantId(), completion.architectId(), completion.completedAt());
        }
        identified.forEach(rebuilt::identify);
        return rebuilt;
    }

    private Ranking rank(AssignmentRequest request, Instant at, Map<String, Exclusion> excluded) {
        ArchitectRole role = Routing.roleFor(request.queue(), request.getModern());
        int weight = weights.weightOf(request.type());
        // a request being moved is decided as if it were not open
        List<OpenAssignment> others = open.stream().filter(o -> !o.requestId().equals(request.requestId())).toList();
        Map<String, Exclusion> exclusions = new TreeMap<>();
        List<Architect> eligible = new ArrayList<>();
        for (Architect architect : roster.values()) {
            Optional<Exclusion> exclusion = BalancingRules.exclusion(BalancingRules.ineligibility(architect.role(),
                    architect.isAwayAt(at), loadOf(architect.id(), others), architect.capacity(), role, weight),
                    excluded.get(architect.id()));
            if (exclusion.isPresent()) {
                exclusions.put(architect.id(), exclusion.get());
            } else {
                eligible.add(architect);
            }
        }
        Set<String> eligibleIds = eligible.stream().map(Architect::id).collect(Collectors.toSet());
        Set<String> withOpenEngagement = others.stream()
                .filter(o -> customer(o.tenantId()).equals(customer(request.tenantId())) && eligibleIds.contains(o.architectId()))
                .map(OpenAssignment::architectId)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> continuity = BalancingRules.continuity(withOpenEngagement, latestCompletion(request.tenantId()),
                eligibleIds::contains, continuityLookback, at);
        long requestMask = WorkloadMask.of(request.workloads());
        List<Candidate> ranked = eligible.stream()
                .map(architect -> new Candidate(standing(architect, at, others), weight,
                        continuity.contains(architect.id()),
                        Fit.of(architect.region(), architect.skillMask(), request.region(), requestMask)))
                .sorted(BalancingRules.RANKING)
                .toList();
        return new Ranking(role, weight, exclusions, ranked);
    }

    private CompletedEngagement latestCompletion(String tenantId) {
        return completions.stream()
                .filter(completion -> customer(completion.tenantId()).equals(customer(tenantId)))
                .max(Comparator.comparing(Completion::completedAt)
                        .thenComparing(Completion::architectId, Comparator.reverseOrder()))
                .map(latest -> new CompletedEngagement(latest.architectId(), latest.completedAt()))
                .orElse(null);
    }

    private Standing standing(Architect architect, Instant at, List<OpenAssignment> openAssignments) {
        List<Instant> assignedAt = history.stream()
                .filter(past -> past.architectId().equals(architect.id()))
                .map(PastAssignment::assignedAt)
                .toList();
        int inWindow = (int) assignedAt.stream().filter(t -> at.isBefore(t.plus(Balancer.TRAILING_WINDOW))).count();
        Instant last = assignedAt.stream().max(Comparator.naturalOrder()).orElse(null);
        return new Standing.Snapshot(architect.id(), loadOf(architect.id(), openAssignments), architect.capacity(),
                inWindow, last);
    }

    private static int loadOf(String architectId, List<OpenAssignment> openAssignments) {
        return openAssignments.stream()
                .filter(o -> o.architectId().equals(architectId))
                .mapToInt(OpenAssignment::weight)
                .sum();
    }

    private record PastAssignment(String architectId, Instant assignedAt) {
    }

    private record Completion(String tenantId, String architectId, Instant completedAt) {
    }

    private record Ranking(ArchitectRole role, int weight, Map<String, Exclusion> exclusions, List<Candidate> ranked) {

        Map<Exclusion, Integer> excludedCounts() {
            Map<Exclusion, Integer> counts = new EnumMap<>(Exclusion.class);
            counts.put(Exclusion.ROLE, 0);
            counts.put(Exclusion.AWAY, 0);
            counts.put(Exclusion.NO_CAPACITY, 0);
            exclusions.values().forEach(reason -> counts.merge(reason, 1, Integer::sum));
            return counts;
        }

        /** Where the architect ranks among the eligible, -1 if they are not. */
        int placeOf(String architectId) {
            for (int place = 0; place < ranked.size(); place++) {
                if (ranked.get(place).id().equals(architectId)) {
                    return place;
                }
            }
            return -1;
        }

        CandidateEvaluation evaluation(String architectId) {
            Exclusion exclusion = exclusions.get(architectId);
            if (exclusion != null) {
                return Candidate.excluded(architectId, exclusion);
            }
            int place = placeOf(architectId);
            return place < 0 ? null : ranked.get(place).evaluation();
        }
    }
}
