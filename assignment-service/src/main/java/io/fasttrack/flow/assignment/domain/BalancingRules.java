package io.fasttrack.flow.assignment.domain;

import io.fasttrack.flow.events.model.ArchitectRole;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The default policy of SPEC section 3, rule by rule. {@link Balancer} applies it through indexes that keep a pick
 * fast; the tests' reference balancer applies it by filtering and sorting the whole roster, and a property checks
 * that both decide alike.
 */
final class BalancingRules {

    private static final List<RankingRule> RANKING_RULES = List.of(RankingRule.values());

    /** Rules 2 to 4 as one order of eligible candidates, best first. */
    static final Comparator<Candidate> RANKING = (a, b) -> {
        for (RankingRule rule : RANKING_RULES) {
            int order = compare(rule, a, b);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    };

    /** Rule 3 as one order of fits, best first. */
    static final Comparator<Fit> FIT = (a, b) -> {
        int byRegion = byRegion(a, b);
        return byRegion != 0 ? byRegion : bySkills(a, b);
    };

    private BalancingRules() {
    }

    /** Rule 1, eligibility: the request's role, available at the decision time, {@code load + weight <= capacity}. */
    static Optional<Exclusion> ineligibility(ArchitectRole architectRole, boolean away, int load, int capacity,
            ArchitectRole role, int weight) {
        if (architectRole != role) {
            return Optional.of(Exclusion.ROLE);
        }
        if (away) {
            return Optional.of(Exclusion.AWAY);
        }
        return hasRoom(load, weight, capacity) ? Optional.empty() : Optional.of(Exclusion.NO_CAPACITY);
    }

    /** Rule 1's capacity: never over it. */
    static boolean hasRoom(int load, int weight, int capacity) {
        return load + weight <= capacity;
    }

    /**
     * Why an architect stays out of a decision. Rule 1 comes first: the caller's reason (the current architect of
     * a reassignment, an architect reserved for the head of the queue) counts only for an architect who could
     * otherwise take the request, so that every architect is excluded for one reason.
     */
    static Optional<Exclusion> exclusion(Optional<Exclusion> ineligibility, Exclusion heldBackByCaller) {
        return ineligibility.isPresent() ? ineligibility : Optional.ofNullable(heldBackByCaller);
    }

    /**
     * Rule 2, continuity: the eligible architects with an open engagement with the customer; when there is none,
     * the architect of the customer's most recent engagement, if eligible and it completed less than
     * {@code lookback} before the decision.
     *
     * @param latest the customer's most recent completed engagement, null if none
     */
    static Set<String> continuity(Set<String> eligibleWithOpenEngagement, CompletedEngagement latest,
            Predicate<String> eligible, Duration lookback, Instant at) {
        if (!eligibleWithOpenEngagement.isEmpty()) {
            return eligibleWithOpenEngagement;
        }
        if (latest != null && at.isBefore(latest.completedAt().plus(lookback)) && eligible.test(latest.architectId())) {
            return Set.of(latest.architectId());
        }
        return Set.of();
    }

    /**
     * Rule 2's "most recent engagement": the later completion; of two at the same instant, the lower architect id,
     * so that the order in which completions are recorded or restored does not matter.
     */
    static CompletedEngagement moreRecent(CompletedEngagement a, CompletedEngagement b) {
        int byTime = a.completedAt().compareTo(b.completedAt());
        if (byTime != 0) {
            return byTime > 0 ? a : b;
        }
        return a.architectId().compareTo(b.architectId()) <= 0 ? a : b;
    }

    /** Negative when {@code a} ranks ahead of {@code b} on this rule alone. */
    static int compare(RankingRule rule, Candidate a, Candidate b) {
        return switch (rule) {
            case CONTINUITY -> Boolean.compare(b.continuity(), a.continuity());
            case FIT_REGION -> byRegion(a.fit(), b.fit());
            case FIT_SKILLS -> bySkills(a.fit(), b.fit());
            case UTILIZATION -> byUtilizationAfter(a.architect(), b.architect(), a.weight());
            case RECENT_ASSIGNMENTS -> byRecentAssignments(a.architect(), b.architect());
            case LAST_ASSIGNED -> byLastAssigned(a.architect(), b.architect());
            case ID -> byId(a.architect(), b.architect());
        };
    }

    /** The first rule on which the two candidates rank differently; empty only for the same architect. */
    static Optional<RankingRule> firstDifference(Candidate a, Candidate b) {
        return RANKING_RULES.stream().filter(rule -> compare(rule, a, b) != 0).findFirst();
    }

    /** Rule 3: the request's region first. */
    static int byRegion(Fit a, Fit b) {
        return Boolean.compare(b.regionMatch(), a.regionMatch());
    }

    /** Rule 3, then: more of the request's workloads among the skills. */
    static int bySkills(Fit a, Fit b) {
        return Integer.compare(b.skillMatches(), a.skillMatches());
    }

    /** Rule 4: the lower {@code (load + weight) / capacity}, compared exactly as cross products. */
    static int byUtilizationAfter(Standing a, Standing b, int weight) {
        return Long.compare((long) (a.load() + weight) * b.capacity(), (long) (b.load() + weight) * a.capacity());
    }

    /** Rule 4's first tie-break: fewer assignments in the trailing 30 days. */
    static int byRecentAssignments(Standing a, Standing b) {
        return Integer.compare(a.assignmentsLast30Days(), b.assignmentsLast30Days());
    }

    /** Rule 4's second tie-break: the earlier last assignment; never assigned comes first. */
    static int byLastAssigned(Standing a, Standing b) {
        Instant first = a.lastAssignedAt();
        Instant second = b.lastAssignedAt();
        if (first == null || second == null) {
            return first == second ? 0 : first == null ? -1 : 1;
        }
        return first.compareTo(second);
    }

    /** Rule 4's last tie-break, which makes the order total: the lower id. */
    static int byId(Standing a, Standing b) {
        return a.id().compareTo(b.id());
    }

    /** Rule 4 as one order at a request weight: utilization after assignment, then its tie-breaks. */
    static Comparator<Standing> balance(int weight) {
        return (a, b) -> {
            int order = byUtilizationAfter(a, b, weight);
            if (order == 0) {
                order = byRecentAssignments(a, b);
            }
            if (order == 0) {
                order = byLastAssigned(a, b);
            }
            return order == 0 ? byId(a, b) : order;
        };
    }

    /**
     * The rule that settled a decision, from its eligible candidates ranked (the best two at least, when there are
     * two): continuity if the winner has it, the only eligible architect, fit if the winner's beats the runner-up's,
     * else balance; nobody eligible: the queue.
     */
    static DecidingRule decidingRule(List<Candidate> ranked) {
        if (ranked.isEmpty()) {
            return DecidingRule.QUEUE;
        }
        Candidate winner = ranked.get(0);
        if (winner.continuity()) {
            return DecidingRule.CONTINUITY;
        }
        if (ranked.size() == 1) {
            return DecidingRule.ONLY_ELIGIBLE;
        }
        return FIT.compare(winner.fit(), ranked.get(1).fit()) < 0 ? DecidingRule.FIT : DecidingRule.BALANCE;
    }

    /**
     * Backfilling: the request at the head of the queue waits for an architect of its role who is not away and
     * whose capacity holds its weight, so that some completion can make room for it.
     */
    static boolean mayReserve(ArchitectRole architectRole, boolean away, int capacity, ArchitectRole role, int weight) {
        return architectRole == role && !away && holdsWeight(capacity, weight);
    }

    /** Backfilling: a capacity that could ever take the weight. */
    static boolean holdsWeight(int capacity, int weight) {
        return capacity >= weight;
    }

    /**
     * Backfilling: the head of the queue is held the architect it will get first: the most free units
     * ({@code capacity - load}), then the balance order at its weight.
     */
    static Comparator<Standing> reservationOrder(int weight) {
        Comparator<Standing> balance = balance(weight);
        return (a, b) -> {
            int byFreeUnits = Integer.compare(b.capacity() - b.load(), a.capacity() - a.load());
            return byFreeUnits != 0 ? byFreeUnits : balance.compare(a, b);
        };
    }
}
