package io.fasttrack.flow.assignment.domain;

import io.fasttrack.flow.assignment.domain.CandidateComparison.Verdict;
import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.CandidateEvaluation;
import io.fasttrack.flow.events.model.Region;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The workload balancer of SPEC section 3: it applies the {@link BalancingRules} (eligibility, continuity, fit,
 * balance, queue) to the roster it keeps, fast.
 *
 * <p>Not thread-safe: the caller serializes every change (one decision at a time); the reads ({@link #knows},
 * {@link #openAssignment}, {@link #evaluate}, {@link #compare}, {@link #view}, {@link #views}, {@link #count},
 * {@link #fairness}) change nothing and may run beside one another. Deterministic: time comes only from the
 * arguments, and the balancer's clock never goes backwards (a cause older than the last one is decided at the last
 * decision time), so the same calls in the same order give the same decisions.
 *
 * <p>Indexes keep a pick at O(G + log n) for n architects, G being the number of distinct skill sets in the role
 * (at most 2^13, in practice a few dozen): per role and per distinct request weight {@code w}, the architects that
 * can take {@code w} ({@code load + w <= capacity}, not away) sit in ordered sets per region and per skill set, each
 * in the balance order at {@code w}. Every architect of one (region, skill set) group has the same fit for a given
 * request, so the best candidate is the head of the best group, and the top k come from merging the heads of the
 * groups of the best fit tiers. The architects whose capacity holds {@code w} sit in one more set in the
 * reservation order, whose head a waiting request is held. Away periods and the 30-day window move with time, not
 * with events: both are timers fired when the clock passes them.
 */
public final class Balancer {

    /** The window of "fewest assignments in the trailing 30 days". */
    public static final Duration TRAILING_WINDOW = Duration.ofDays(30);

    private WeightPolicy weights;
    private final int topK;
    private Duration continuityLookback;
    private List<Integer> distinctWeights;
    private final Map<Integer, Comparator<Standing>> balanceOrder = new HashMap<>();
    private final Map<Integer, Comparator<Standing>> reservationOrder = new HashMap<>();
    private final TreeMap<String, Slot> slots = new TreeMap<>();
    private final Map<String, OpenAssignment> openAssignments = new HashMap<>();
    private final Map<String, Map<String, Integer>> openByTenant = new HashMap<>();
    private final Map<String, CompletedEngagement> latestCompletedByTenant = new HashMap<>();
    /** Placeholder tenants identified as real ones: their history is the real tenant's (rule 2). */
    private final Map<String, String> realTenants = new HashMap<>();
    private final Map<ArchitectRole, TreeSet<String>> byRole = new EnumMap<>(ArchitectRole.class);
    private final Map<ArchitectRole, TreeSet<String>> awayByRole = new EnumMap<>(ArchitectRole.class);
    private final Map<IndexKey, Map<Region, Map<Long, TreeSet<Slot>>>> eligible = new HashMap<>();
    private final Map<IndexKey, TreeSet<String>> noCapacity = new HashMap<>();
    private final Map<IndexKey, TreeSet<Slot>> reservable = new HashMap<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>(
            Comparator.comparing(Timer::at).thenComparing(Timer::architectId).thenComparing(Timer::kind));
    private int profiled;
    private Instant clock = Instant.EPOCH;

    /**
     * @param topK               how many scored candidates, and examples of each exclusion reason, a decision lists
     * @param continuityLookback how long after a customer's engagement completed its architect still takes the
     *                           customer's next request (rule 2)
     */
    public Balancer(WeightPolicy weights, int topK, Duration continuityLookback) {
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be at least 1");
        }
        if (continuityLookback.isNegative()) {
            throw new IllegalArgumentException("the continuity lookback must not be negative");
        }
        this.weights = weights;
        this.topK = topK;
        this.continuityLookback = continuityLookback;
        this.distinctWeights = List.copyOf(weights.distinctWeights());
        for (int weight : distinctWeights) {
            balanceOrder.put(weight, BalancingRules.balance(weight));
            reservationOrder.put(weight, BalancingRules.reservationOrder(weight));
        }
        for (ArchitectRole role : ArchitectRole.values()) {
            byRole.put(role, new TreeSet<>());
            awayByRole.put(role, new TreeSet<>());
        }
    }

    /**
     * Decides from now on with other weights and another continuity lookback (a simulation's window): the state is
     * kept, work already assigned keeps the weight it was assigned with, and the indexes are rebuilt for the new
     * weights.
     */
    public void changePolicy(WeightPolicy newWeights, Duration newContinuityLookback) {
        if (newContinuityLookback.isNegative()) {
            throw new IllegalArgumentException("the continuity lookback must not be negative");
        }
        List<Slot> all = new ArrayList<>(slots.values());
        all.forEach(this::detach);
        weights = newWeights;
        continuityLookback = newContinuityLookback;
        distinctWeights = List.copyOf(newWeights.distinctWeights());
        for (int weight : distinctWeights) {
            balanceOrder.computeIfAbsent(weight, BalancingRules::balance);
            reservationOrder.computeIfAbsent(weight, BalancingRules::reservationOrder);
        }
        all.forEach(this::attach);
    }

    public Instant clock() {
        return clock;
    }

    /** Moves the clock forward to {@code at} (never back) and fires the timers it passes; returns the clock. */
    public Instant advanceTo(Instant at) {
        if (at.isAfter(clock)) {
            clock = at;
        }
        while (!timers.isEmpty() && !timers.peek().at().isAfter(clock)) {
            fire(timers.poll());
        }
        return clock;
    }

    /** Registers an architect or replaces their profile; their load and history stay. */
    public void upsertArchitect(Architect profile, Instant at) {
        advanceTo(at);
        Slot slot = slots.computeIfAbsent(profile.id(), Slot::new);
        detach(slot);
        if (slot.profile == null) {
            profiled++;
        }
        slot.profile = profile;
        slot.generation++;
        slot.away = profile.isAwayAt(clock);
        attach(slot);
        for (Instant boundary : profile.awayBoundaries()) {
            if (boundary.isAfter(clock)) {
                timers.add(new Timer(boundary, profile.id(), TimerKind.AWAY_CHECK, slot.generation));
            }
        }
    }

    public boolean knows(String architectId) {
        Slot slot = slots.get(architectId);
        return slot != null && slot.profile != null;
    }

    public Optional<OpenAssignment> openAssignment(String requestId) {
        return Optional.ofNullable(openAssignments.get(requestId));
    }

    /**
     * Decides who takes the request at {@code at}, leaving the state unchanged; {@link #assign} applies it. A request
     * that is open (a manager moves it) is decided as if it were not: its weight loads nobody and it is no
     * engagement with the customer.
     *
     * @param excluded architects the caller holds back, each with its reason: {@link Exclusion#CURRENT_ARCHITECT}
     *                 when reassigning, {@link Exclusion#RESERVED} when held for the head of the queue
     */
    public Decision decide(AssignmentRequest request, Instant at, Map<String, Exclusion> excluded) {
        requireHeldBackByCaller(excluded);
        Instant now = advanceTo(at);
        OpenAssignment own = openAssignments.get(request.requestId());
        if (own == null) {
            return decideAt(request, now, excluded);
        }
        release(own.requestId());
        try {
            return decideAt(request, now, excluded);
        } finally {
            restoreOpen(own.requestId(), own.architectId(), own.tenantId(), own.weight());
        }
    }

    /**
     * Backfilling: the architect the waiting {@code head} of the queue gets first (see
     * {@link BalancingRules#reservationOrder}), whom the caller then holds back from other requests as
     * {@link Exclusion#RESERVED}; empty when no architect of its role who is not away has the capacity for it.
     * Moves the clock as {@link #decide} does.
     */
    public Optional<String> reservationFor(AssignmentRequest head, Instant at) {
        advanceTo(at);
        ArchitectRole role = Routing.roleFor(head.queue(), head.getModern());
        TreeSet<Slot> candidates = reservable.get(new IndexKey(role, weights.weightOf(head.type())));
        return candidates == null || candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.first().id);
    }

    /**
     * Why {@code architectId} did not get the request that went to {@code winnerId} (null when it waits), as
     * {@link #decide} would see it at {@code at} (or at the clock, if later) with the same exclusions. Reads the
     * state without changing it; an open request is seen as {@link #decide} sees it, as if it were not open.
     */
    public CandidateComparison compare(AssignmentRequest request, Instant at, Map<String, Exclusion> excluded,
            String architectId, String winnerId) {
        requireHeldBackByCaller(excluded);
        Inspection inspection = new Inspection(request, at.isAfter(clock) ? at : clock, excluded);
        CandidateEvaluation winner = winnerId == null ? null : inspection.evaluation(winnerId);
        if (!knows(architectId)) {
            return new CandidateComparison(architectId, winnerId, Verdict.UNKNOWN_ARCHITECT, null, null, null, winner);
        }
        CandidateEvaluation architect = inspection.evaluation(architectId);
        Optional<Exclusion> exclusion = inspection.exclusionOf(architectId);
        if (exclusion.isPresent()) {
            return new CandidateComparison(architectId, winnerId, Verdict.EXCLUDED, exclusion.get(), null, architect,
                    winner);
        }
        if (architectId.equals(winnerId)) {
            return new CandidateComparison(architectId, winnerId, Verdict.WINNER, null, null, architect, winner);
        }
        if (winnerId == null) {
            return new CandidateComparison(architectId, null, Verdict.ELIGIBLE, null, null, architect, null);
        }
        if (winner == null || winner.excludedBecause() != null) {
            return new CandidateComparison(architectId, winnerId, Verdict.WINNER_NOT_ELIGIBLE, null, null, architect,
                    winner);
        }
        Candidate mine = inspection.candidate(architectId);
        Candidate theirs = inspection.candidate(winnerId);
        RankingRule rule = BalancingRules.firstDifference(mine, theirs).orElseThrow();
        Verdict verdict = BalancingRules.compare(rule, mine, theirs) > 0 ? Verdict.LOST : Verdict.AHEAD_OF_WINNER;
        return new CandidateComparison(architectId, winnerId, verdict, null, rule, architect, winner);
    }

    /**
     * Explains and checks a manager's choice of architect: the named architect must be known, of the right
     * role, available and have room, else the returned exclusion says why not.
     */
    public Optional<Exclusion> refusalOf(String architectId, AssignmentRequest request, Instant at) {
        advanceTo(at);
        if (!knows(architectId)) {
            return Optional.of(Exclusion.ROLE);
        }
        OpenAssignment current = openAssignments.get(request.requestId());
        Map<String, Exclusion> heldBack = current == null
                ? Map.of() : Map.of(current.architectId(), Exclusion.CURRENT_ARCHITECT);
        return new Inspection(request, clock, heldBack).exclusionOf(architectId);
    }

    /** How a named architect scores for the request as {@link #decide} sees it now (a manager's choice, on record). */
    public CandidateEvaluation evaluate(String architectId, AssignmentRequest request) {
        return new Inspection(request, clock, Map.of()).candidate(architectId).evaluation();
    }

    /** Opens an assignment: the architect's load grows by the weight. A request can be open only once. */
    public void assign(String requestId, String architectId, String tenantId, int weight, Instant assignedAt) {
        advanceTo(assignedAt);
        if (openAssignments.containsKey(requestId)) {
            throw new IllegalStateException("request " + requestId + " is already assigned");
        }
        Slot slot = slots.computeIfAbsent(architectId, Slot::new);
        detach(slot);
        slot.load += weight;
        slot.openRequests.add(requestId);
        countAssignment(slot, assignedAt);
        attach(slot);
        openAssignments.put(requestId, new OpenAssignment(requestId, architectId, tenantId, weight));
        openByTenant.computeIfAbsent(customer(tenantId), t -> new HashMap<>()).merge(architectId, 1, Integer::sum);
    }

    /**
     * A placeholder tenant turned out to be {@code tenantId}: from now on every assignment and engagement of the
     * placeholder, open or completed, past or to come, counts as the real tenant's for continuity (rule 2). A
     * placeholder is identified once; returns false when it was before (or the pair would make a cycle), and nothing
     * changes then. The same identifications in the same order give the same state, whether assignments are restored
     * before or after them.
     */
    public boolean identify(String placeholderId, String tenantId) {
        String real = customer(tenantId);
        if (realTenants.containsKey(placeholderId) || real.equals(placeholderId)) {
            return false;
        }
        realTenants.replaceAll((placeholder, identified) -> identified.equals(placeholderId) ? real : identified);
        realTenants.put(placeholderId, real);
        Map<String, Integer> open = openByTenant.remove(placeholderId);
        if (open != null) {
            Map<String, Integer> merged = openByTenant.computeIfAbsent(real, t -> new HashMap<>());
            open.forEach((architectId, count) -> merged.merge(architectId, count, Integer::sum));
        }
        CompletedEngagement completed = latestCompletedByTenant.remove(placeholderId);
        if (completed != null) {
            latestCompletedByTenant.merge(real, completed, BalancingRules::moreRecent);
        }
        return true;
    }

    /**
     * Closes an open assignment whose work moves to another architect (a manager's reassignment, not a
     * completion); returns it, or empty if none was open.
     */
    public Optional<OpenAssignment> release(String requestId) {
        OpenAssignment open = openAssignments.remove(requestId);
        if (open == null) {
            return Optional.empty();
        }
        Slot slot = slots.get(open.architectId());
        detach(slot);
        slot.load -= open.weight();
        slot.openRequests.remove(requestId);
        attach(slot);
        String customer = customer(open.tenantId());
        Map<String, Integer> tenantArchitects = openByTenant.get(customer);
        if (tenantArchitects.merge(open.architectId(), -1, Integer::sum) == 0) {
            tenantArchitects.remove(open.architectId());
            if (tenantArchitects.isEmpty()) {
                openByTenant.remove(customer);
            }
        }
        return Optional.of(open);
    }

    /**
     * Closes the open assignment of an engagement that completed at {@code completedAt}, which becomes the
     * customer's most recent engagement unless one completed later (rule 2); returns it, or empty if none was open.
     */
    public Optional<OpenAssignment> release(String requestId, Instant completedAt) {
        Optional<OpenAssignment> released = release(requestId);
        released.ifPresent(open -> recordCompleted(open.tenantId(), open.architectId(), completedAt));
        return released;
    }

    /** Restores one past (possibly closed) assignment into the 30-day count and the last-assignment time. */
    public void restoreHistory(String architectId, Instant assignedAt) {
        Slot slot = slots.computeIfAbsent(architectId, Slot::new);
        detach(slot);
        countAssignment(slot, assignedAt);
        attach(slot);
    }

    /** Restores an open assignment without counting it again in the history. */
    public void restoreOpen(String requestId, String architectId, String tenantId, int weight) {
        Slot slot = slots.computeIfAbsent(architectId, Slot::new);
        detach(slot);
        slot.load += weight;
        slot.openRequests.add(requestId);
        attach(slot);
        openAssignments.put(requestId, new OpenAssignment(requestId, architectId, tenantId, weight));
        openByTenant.computeIfAbsent(customer(tenantId), t -> new HashMap<>()).merge(architectId, 1, Integer::sum);
    }

    /**
     * Restores a completed engagement for continuity; completions may come in any order, or only the most recent
     * per customer: the balancer keeps that one (see {@link BalancingRules#moreRecent}).
     */
    public void restoreCompleted(String tenantId, String architectId, Instant completedAt) {
        recordCompleted(tenantId, architectId, completedAt);
    }

    public Optional<ArchitectView> view(String architectId) {
        Slot slot = slots.get(architectId);
        return slot == null || slot.profile == null ? Optional.empty() : Optional.of(slot.view());
    }

    /** Every known architect, ordered by id, optionally of one role. */
    public List<ArchitectView> views(ArchitectRole role, int offset, int limit) {
        List<ArchitectView> page = new ArrayList<>();
        Collection<String> ids = role == null ? slots.keySet() : byRole.get(role);
        int index = 0;
        for (String id : ids) {
            Slot slot = slots.get(id);
            if (slot.profile == null) {
                continue;
            }
            if (index++ >= offset) {
                if (page.size() == limit) {
                    break;
                }
                page.add(slot.view());
            }
        }
        return page;
    }

    public int count(ArchitectRole role) {
        return role == null ? profiled : byRole.get(role).size();
    }

    /** Spread of current utilization across the architects of the role who are not away (a report: O(n)). */
    public Fairness fairness(ArchitectRole role) {
        List<Double> utilizations = new ArrayList<>();
        for (String id : byRole.get(role)) {
            Slot slot = slots.get(id);
            if (!slot.away) {
                utilizations.add((double) slot.load / slot.profile.capacity());
            }
        }
        if (utilizations.isEmpty()) {
            return new Fairness(0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        }
        double mean = utilizations.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double variance = utilizations.stream().mapToDouble(u -> (u - mean) * (u - mean)).average().orElse(0);
        double max = utilizations.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double min = utilizations.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        return new Fairness(utilizations.size(), round(mean), round(Math.sqrt(variance)), round(max - min));
    }

    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
    }

    private static void requireHeldBackByCaller(Map<String, Exclusion> excluded) {
        for (Exclusion reason : excluded.values()) {
            if (!reason.heldBackByCaller()) {
                throw new IllegalArgumentException(reason + " is found by the policy, a caller cannot give it");
            }
        }
    }

    private Decision decideAt(AssignmentRequest request, Instant now, Map<String, Exclusion> excluded) {
        ArchitectRole role = Routing.roleFor(request.queue(), request.getModern());
        int weight = weights.weightOf(request.type());
        long requestMask = WorkloadMask.of(request.workloads());
        Set<String> continuity = continuityOf(request.tenantId(), null,
                id -> !excluded.containsKey(id) && canTake(slots.get(id), role, weight), now);
        List<Candidate> ranked = new ArrayList<>();
        for (String architectId : continuity) {
            Slot slot = slots.get(architectId);
            ranked.add(new Candidate(slot, weight, true, fitOf(slot, request, requestMask)));
        }
        ranked.sort(BalancingRules.RANKING);
        // the runner-up too, whose fit tells FIT from BALANCE
        addBestOfTheRest(role, weight, request, requestMask, excluded, continuity, ranked, Math.max(topK, 2));

        List<CandidateEvaluation> candidates = new ArrayList<>();
        for (Candidate candidate : ranked.subList(0, Math.min(topK, ranked.size()))) {
            candidates.add(candidate.evaluation());
        }
        Map<Exclusion, Integer> excludedCounts = new EnumMap<>(Exclusion.class);
        addExclusions(role, weight, excluded, candidates, excludedCounts);
        String winner = ranked.isEmpty() ? null : ranked.get(0).id();
        return new Decision(request.requestId(), winner, BalancingRules.decidingRule(ranked), role, weight, now,
                candidates, excludedCounts);
    }

    /**
     * Adds the best eligible candidates without continuity, in policy order, until {@code ranked} holds
     * {@code wanted}: fit tier by fit tier, the heads of the tier's (region, skill set) groups merged by balance.
     */
    private void addBestOfTheRest(ArchitectRole role, int weight, AssignmentRequest request, long requestMask,
            Map<String, Exclusion> excluded, Set<String> continuity, List<Candidate> ranked, int wanted) {
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<Region, Map<Long, TreeSet<Slot>>> byRegion : eligibleIndex(role, weight).entrySet()) {
            for (Map.Entry<Long, TreeSet<Slot>> bySkills : byRegion.getValue().entrySet()) {
                Fit fit = Fit.of(byRegion.getKey(), bySkills.getKey(), request.region(), requestMask);
                groups.add(new Group(fit, bySkills.getValue()));
            }
        }
        groups.sort(Comparator.comparing(Group::fit, BalancingRules.FIT));
        Comparator<Standing> balance = balanceOrder.get(weight);
        int tierStart = 0;
        while (tierStart < groups.size() && ranked.size() < wanted) {
            Fit tierFit = groups.get(tierStart).fit();
            int tierEnd = tierStart;
            while (tierEnd < groups.size() && groups.get(tierEnd).fit().equals(tierFit)) {
                tierEnd++;
            }
            PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> balance.compare(a.current(), b.current()));
            for (Group group : groups.subList(tierStart, tierEnd)) {
                Iterator<Slot> members = group.members().iterator();
                heads.add(new Head(members.next(), members));
            }
            while (!heads.isEmpty() && ranked.size() < wanted) {
                Head head = heads.poll();
                Slot slot = head.current();
                if (!excluded.containsKey(slot.id) && !continuity.contains(slot.id)) {
                    ranked.add(new Candidate(slot, weight, false, tierFit));
                }
                if (head.rest().hasNext()) {
                    heads.add(new Head(head.rest().next(), head.rest()));
                }
            }
            tierStart = tierEnd;
        }
    }

    /**
     * Rule 2's candidates among the architects {@code eligible} for the request; {@code leftOut}, if any, is an
     * open assignment that makes no engagement with the customer.
     */
    private Set<String> continuityOf(String requestTenantId, OpenAssignment leftOut, Predicate<String> eligible, Instant at) {
        String tenantId = customer(requestTenantId);
        Set<String> withOpenEngagement = new TreeSet<>();
        for (Map.Entry<String, Integer> open : openByTenant.getOrDefault(tenantId, Map.of()).entrySet()) {
            boolean onlyTheLeftOut = leftOut != null && customer(leftOut.tenantId()).equals(tenantId)
                    && leftOut.architectId().equals(open.getKey()) && open.getValue() == 1;
            if (!onlyTheLeftOut && eligible.test(open.getKey())) {
                withOpenEngagement.add(open.getKey());
            }
        }
        return BalancingRules.continuity(withOpenEngagement, latestCompletedByTenant.get(tenantId), eligible,
                continuityLookback, at);
    }

    private void recordCompleted(String tenantId, String architectId, Instant completedAt) {
        latestCompletedByTenant.merge(customer(tenantId), new CompletedEngagement(architectId, completedAt),
                BalancingRules::moreRecent);
    }

    /** The customer a tenant id stands for: the real tenant of an identified placeholder, else itself. */
    private String customer(String tenantId) {
        return realTenants.getOrDefault(tenantId, tenantId);
    }

    private void countAssignment(Slot slot, Instant assignedAt) {
        if (slot.lastAssignedAt == null || assignedAt.isAfter(slot.lastAssignedAt)) {
            slot.lastAssignedAt = assignedAt;
        }
        Instant expires = assignedAt.plus(TRAILING_WINDOW);
        if (expires.isAfter(clock)) {
            slot.windowExpiries.add(expires);
            timers.add(new Timer(expires, slot.id, TimerKind.WINDOW_EXPIRY, 0));
        }
    }

    private void fire(Timer timer) {
        Slot slot = slots.get(timer.architectId());
        detach(slot);
        if (timer.kind() == TimerKind.WINDOW_EXPIRY) {
            slot.windowExpiries.poll();
        } else if (timer.generation() == slot.generation) {
            slot.away = slot.profile.isAwayAt(clock);
        }
        attach(slot);
    }

    private boolean canTake(Slot slot, ArchitectRole role, int weight) {
        return slot != null && slot.profile != null && BalancingRules.ineligibility(slot.profile.role(), slot.away,
                slot.load, slot.profile.capacity(), role, weight).isEmpty();
    }

    private static Fit fitOf(Slot slot, AssignmentRequest request, long requestMask) {
        return Fit.of(slot.profile.region(), slot.skillMask, request.region(), requestMask);
    }

    private void addExclusions(ArchitectRole role, int weight, Map<String, Exclusion> excluded,
            List<CandidateEvaluation> candidates, Map<Exclusion, Integer> counts) {
        counts.put(Exclusion.ROLE, profiled - byRole.get(role).size());
        int roleExamples = 0;
        for (ArchitectRole other : ArchitectRole.values()) {
            Iterator<String> ids = byRole.get(other).iterator();
            while (other != role && roleExamples < topK && ids.hasNext()) {
                candidates.add(Candidate.excluded(ids.next(), Exclusion.ROLE));
                roleExamples++;
            }
        }
        TreeSet<String> away = awayByRole.get(role);
        counts.put(Exclusion.AWAY, away.size());
        away.stream().limit(topK).forEach(id -> candidates.add(Candidate.excluded(id, Exclusion.AWAY)));
        TreeSet<String> full = noCapacity.getOrDefault(new IndexKey(role, weight), new TreeSet<>());
        counts.put(Exclusion.NO_CAPACITY, full.size());
        full.stream().limit(topK).forEach(id -> candidates.add(Candidate.excluded(id, Exclusion.NO_CAPACITY)));
        Map<Exclusion, List<String>> heldBack = new EnumMap<>(Exclusion.class);
        for (Map.Entry<String, Exclusion> entry : new TreeMap<>(excluded).entrySet()) {
            // the others are counted above, under rule 1 (BalancingRules.exclusion)
            if (canTake(slots.get(entry.getKey()), role, weight)) {
                heldBack.computeIfAbsent(entry.getValue(), reason -> new ArrayList<>()).add(entry.getKey());
            }
        }
        heldBack.forEach((reason, ids) -> {
            counts.put(reason, ids.size());
            ids.stream().limit(topK).forEach(id -> candidates.add(Candidate.excluded(id, reason)));
        });
    }

    private Map<Region, Map<Long, TreeSet<Slot>>> eligibleIndex(ArchitectRole role, int weight) {
        return eligible.computeIfAbsent(new IndexKey(role, weight), key -> new EnumMap<>(Region.class));
    }

    private void attach(Slot slot) {
        if (slot.profile == null) {
            return;
        }
        Architect profile = slot.profile;
        slot.skillMask = profile.skillMask();
        byRole.get(profile.role()).add(slot.id);
        if (slot.away) {
            awayByRole.get(profile.role()).add(slot.id);
            return;
        }
        for (int weight : distinctWeights) {
            IndexKey key = new IndexKey(profile.role(), weight);
            if (BalancingRules.holdsWeight(profile.capacity(), weight)) {
                reservable.computeIfAbsent(key, k -> new TreeSet<>(reservationOrder.get(weight))).add(slot);
            }
            if (BalancingRules.hasRoom(slot.load, weight, profile.capacity())) {
                eligibleIndex(profile.role(), weight)
                        .computeIfAbsent(profile.region(), region -> new TreeMap<>())
                        .computeIfAbsent(slot.skillMask, mask -> new TreeSet<>(balanceOrder.get(weight)))
                        .add(slot);
            } else {
                noCapacity.computeIfAbsent(key, k -> new TreeSet<>()).add(slot.id);
            }
        }
    }

    private void detach(Slot slot) {
        if (slot.profile == null) {
            return;
        }
        Architect profile = slot.profile;
        byRole.get(profile.role()).remove(slot.id);
        if (slot.away) {
            awayByRole.get(profile.role()).remove(slot.id);
            return;
        }
        for (int weight : distinctWeights) {
            IndexKey key = new IndexKey(profile.role(), weight);
            if (BalancingRules.holdsWeight(profile.capacity(), weight)) {
                reservable.get(key).remove(slot);
            }
            if (BalancingRules.hasRoom(slot.load, weight, profile.capacity())) {
                Map<Long, TreeSet<Slot>> bySkills = eligibleIndex(profile.role(), weight).get(profile.region());
                TreeSet<Slot> group = bySkills.get(slot.skillMask);
                group.remove(slot);
                if (group.isEmpty()) {
                    bySkills.remove(slot.skillMask);
                }
            } else {
                noCapacity.get(key).remove(slot.id);
            }
        }
    }

    /**
     * The state as {@link #decide} would see it for one request at one time, read without changing anything: away
     * periods and the trailing window at that time, and the request's own open assignment, if any, left out.
     */
    private final class Inspection {
        private final AssignmentRequest request;
        private final Instant at;
        private final Map<String, Exclusion> excluded;
        private final ArchitectRole role;
        private final int weight;
        private final long requestMask;
        private final OpenAssignment own;
        private final Set<String> continuity;

        Inspection(AssignmentRequest request, Instant at, Map<String, Exclusion> excluded) {
            this.request = request;
            this.at = at;
            this.excluded = excluded;
            this.role = Routing.roleFor(request.queue(), request.getModern());
            this.weight = weights.weightOf(request.type());
            this.requestMask = WorkloadMask.of(request.workloads());
            this.own = openAssignments.get(request.requestId());
            this.continuity = continuityOf(request.tenantId(), own, id -> knows(id) && exclusionOf(id).isEmpty(), at);
        }

        /** Why a known architect stays out of the decision; empty when they are a candidate. */
        Optional<Exclusion> exclusionOf(String architectId) {
            Slot slot = slots.get(architectId);
            Architect profile = slot.profile;
            Optional<Exclusion> ineligibility = BalancingRules.ineligibility(profile.role(), profile.isAwayAt(at),
                    load(slot), profile.capacity(), role, weight);
            return BalancingRules.exclusion(ineligibility, excluded.get(architectId));
        }

        Candidate candidate(String architectId) {
            Slot slot = slots.get(architectId);
            Standing standing = new Standing.Snapshot(slot.id, load(slot), slot.profile.capacity(),
                    slot.assignmentsInWindowAt(at), slot.lastAssignedAt);
            return new Candidate(standing, weight, continuity.contains(architectId), fitOf(slot, request, requestMask));
        }

        /** Scores, or the reason of exclusion; null for an architect not on the roster. */
        CandidateEvaluation evaluation(String architectId) {
            if (!knows(architectId)) {
                return null;
            }
            Optional<Exclusion> exclusion = exclusionOf(architectId);
            return exclusion.isPresent()
                    ? Candidate.excluded(architectId, exclusion.get()) : candidate(architectId).evaluation();
        }

        private int load(Slot slot) {
            return own != null && own.architectId().equals(slot.id) ? slot.load - own.weight() : slot.load;
        }
    }

    private static final class Slot implements Standing {
        final String id;
        final TreeSet<String> openRequests = new TreeSet<>();
        /** When each assignment of the trailing window leaves it, soonest first. */
        final PriorityQueue<Instant> windowExpiries = new PriorityQueue<>();
        Architect profile;
        long skillMask;
        int generation;
        boolean away;
        int load;
        Instant lastAssignedAt;

        Slot(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public int load() {
            return load;
        }

        @Override
        public int capacity() {
            return profile.capacity();
        }

        @Override
        public int assignmentsLast30Days() {
            return windowExpiries.size();
        }

        @Override
        public Instant lastAssignedAt() {
            return lastAssignedAt;
        }

        /** The trailing window's count at {@code at}, not before the clock: expiries past the clock have not fired. */
        int assignmentsInWindowAt(Instant at) {
            return (int) windowExpiries.stream().filter(expires -> expires.isAfter(at)).count();
        }

        ArchitectView view() {
            return new ArchitectView(profile, load, away, List.copyOf(openRequests), assignmentsLast30Days(),
                    lastAssignedAt);
        }
    }

    private record IndexKey(ArchitectRole role, int weight) {
    }

    private enum TimerKind { AWAY_CHECK, WINDOW_EXPIRY }

    private record Timer(Instant at, String architectId, TimerKind kind, int generation) {
    }

    private record Group(Fit fit, TreeSet<Slot> members) {
    }

    private record Head(Slot current, Iterator<Slot> rest) {
    }
}
