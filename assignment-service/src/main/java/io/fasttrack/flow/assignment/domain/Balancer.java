package io.fasttrack.flow.assignment.domain;

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
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The workload balancer of SPEC section 3: eligibility, continuity, fit, balance, queue.
 *
 * <p>Not thread-safe: the caller serializes every call (one decision at a time). Deterministic: time comes
 * only from the arguments, and the balancer's clock never goes backwards (a cause older than the last one
 * is decided at the last decision time), so the same calls in the same order give the same decisions.
 *
 * <p>Indexes keep a pick at O(G + log n) for n architects, G being the number of distinct skill sets in
 * the role (at most 2^13, in practice a few dozen): per role and per distinct request weight {@code w},
 * the architects that can take {@code w} ({@code load + w <= capacity}, not away) sit in ordered sets per
 * region and per skill set, each ordered by the balance key {@code ((load + w) / capacity, assignments in
 * 30 days, last assignment, id)}. Fit only compares region, then skill overlap, and every architect of one
 * (region, skill set) group has the same fit for a given request, so the best candidate is the head of the
 * best group, and the top k come from merging the heads of the groups of the best fit tiers. Away periods
 * and the 30-day window move with time, not with events: both are timers fired when the clock passes them.
 */
public final class Balancer {

    /** The window of "fewest assignments in the trailing 30 days". */
    public static final Duration TRAILING_WINDOW = Duration.ofDays(30);

    private final WeightPolicy weights;
    private final int topK;
    private final List<Integer> distinctWeights;
    private final Map<Integer, Comparator<Slot>> balanceOrder = new HashMap<>();
    private final TreeMap<String, Slot> slots = new TreeMap<>();
    private final Map<String, OpenAssignment> openAssignments = new HashMap<>();
    private final Map<String, Map<String, Integer>> openByTenant = new HashMap<>();
    private final Map<ArchitectRole, TreeSet<String>> byRole = new EnumMap<>(ArchitectRole.class);
    private final Map<ArchitectRole, TreeSet<String>> awayByRole = new EnumMap<>(ArchitectRole.class);
    private final Map<IndexKey, Map<Region, Map<Long, TreeSet<Slot>>>> eligible = new HashMap<>();
    private final Map<IndexKey, TreeSet<String>> noCapacity = new HashMap<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>(
            Comparator.comparing(Timer::at).thenComparing(Timer::architectId).thenComparing(Timer::kind));
    private int profiled;
    private Instant clock = Instant.EPOCH;

    public Balancer(WeightPolicy weights, int topK) {
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be at least 1");
        }
        this.weights = weights;
        this.topK = topK;
        this.distinctWeights = List.copyOf(weights.distinctWeights());
        for (int weight : distinctWeights) {
            balanceOrder.put(weight, balanceComparator(weight));
        }
        for (ArchitectRole role : ArchitectRole.values()) {
            byRole.put(role, new TreeSet<>());
            awayByRole.put(role, new TreeSet<>());
        }
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
     * Decides who takes the request at {@code at}, leaving the state unchanged; {@link #assign} applies it.
     *
     * @param excluded architects that must not be chosen (the current one when reassigning)
     */
    public Decision decide(AssignmentRequest request, Instant at, Set<String> excluded) {
        Instant now = advanceTo(at);
        ArchitectRole role = Routing.roleFor(request.queue(), request.getModern());
        int weight = weights.weightOf(request.type());
        long requestMask = WorkloadMask.of(request.workloads());
        int wanted = Math.max(topK, 2);
        List<Ranked> ranked = new ArrayList<>();
        Set<String> taken = new HashSet<>();

        List<Ranked> continuity = new ArrayList<>();
        for (String architectId : openByTenant.getOrDefault(request.tenantId(), Map.of()).keySet()) {
            Slot slot = slots.get(architectId);
            if (!excluded.contains(architectId) && canTake(slot, role, weight)) {
                continuity.add(rank(slot, true, request, requestMask));
            }
        }
        Comparator<Slot> balance = balanceOrder.get(weight);
        continuity.sort(Comparator.comparing((Ranked r) -> !r.regionMatch())
                .thenComparing(Ranked::skillMatches, Comparator.reverseOrder())
                .thenComparing(Ranked::slot, balance));
        for (Ranked candidate : continuity) {
            ranked.add(candidate);
            taken.add(candidate.slot().id);
        }

        List<Group> groups = new ArrayList<>();
        for (Map.Entry<Region, Map<Long, TreeSet<Slot>>> byRegion : eligibleIndex(role, weight).entrySet()) {
            boolean regionMatch = byRegion.getKey() == request.region();
            for (Map.Entry<Long, TreeSet<Slot>> bySkills : byRegion.getValue().entrySet()) {
                groups.add(new Group(regionMatch, Long.bitCount(bySkills.getKey() & requestMask), bySkills.getValue()));
            }
        }
        groups.sort(Comparator.comparing((Group g) -> !g.regionMatch())
                .thenComparing(Group::skillMatches, Comparator.reverseOrder()));
        int tierStart = 0;
        while (tierStart < groups.size() && ranked.size() < wanted) {
            int tierEnd = tierStart;
            Group first = groups.get(tierStart);
            while (tierEnd < groups.size() && groups.get(tierEnd).sameFit(first)) {
                tierEnd++;
            }
            PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> balance.compare(a.current, b.current));
            for (Group group : groups.subList(tierStart, tierEnd)) {
                Iterator<Slot> iterator = group.members().iterator();
                heads.add(new Head(iterator.next(), iterator));
            }
            while (!heads.isEmpty() && ranked.size() < wanted) {
                Head head = heads.poll();
                Slot slot = head.current;
                if (!excluded.contains(slot.id) && taken.add(slot.id)) {
                    ranked.add(rank(slot, false, request, requestMask));
                }
                if (head.rest.hasNext()) {
                    heads.add(new Head(head.rest.next(), head.rest));
                }
            }
            tierStart = tierEnd;
        }

        List<CandidateEvaluation> candidates = new ArrayList<>();
        for (Ranked candidate : ranked.subList(0, Math.min(topK, ranked.size()))) {
            candidates.add(candidate.evaluation(weight));
        }
        Map<Exclusion, Integer> excludedCounts = new EnumMap<>(Exclusion.class);
        addExclusions(role, weight, excluded, candidates, excludedCounts);

        if (ranked.isEmpty()) {
            return new Decision(request.requestId(), null, DecidingRule.QUEUE, role, weight, now, candidates, excludedCounts);
        }
        Ranked winner = ranked.get(0);
        DecidingRule rule;
        if (winner.continuity()) {
            rule = DecidingRule.CONTINUITY;
        } else if (ranked.size() == 1) {
            rule = DecidingRule.ONLY_ELIGIBLE;
        } else {
            Ranked runnerUp = ranked.get(1);
            rule = winner.regionMatch() == runnerUp.regionMatch() && winner.skillMatches() == runnerUp.skillMatches()
                    ? DecidingRule.BALANCE : DecidingRule.FIT;
        }
        return new Decision(request.requestId(), winner.slot().id, rule, role, weight, now, candidates, excludedCounts);
    }

    /**
     * Explains and checks a manager's choice of architect: the named architect must be known, of the right
     * role, available and have room, else the returned exclusion says why not.
     */
    public Optional<Exclusion> refusalOf(String architectId, AssignmentRequest request, Instant at) {
        advanceTo(at);
        Slot slot = slots.get(architectId);
        ArchitectRole role = Routing.roleFor(request.queue(), request.getModern());
        int weight = weights.weightOf(request.type());
        if (slot == null || slot.profile == null || slot.profile.role() != role) {
            return Optional.of(Exclusion.ROLE);
        }
        if (slot.away) {
            return Optional.of(Exclusion.AWAY);
        }
        OpenAssignment current = openAssignments.get(request.requestId());
        if (current != null && current.architectId().equals(architectId)) {
            return Optional.of(Exclusion.CURRENT_ARCHITECT);
        }
        return slot.load + weight <= slot.profile.capacity() ? Optional.empty() : Optional.of(Exclusion.NO_CAPACITY);
    }

    /** How a named architect scores for the request, for the record of a manager's choice. */
    public CandidateEvaluation evaluate(String architectId, AssignmentRequest request) {
        Slot slot = slots.get(architectId);
        long requestMask = WorkloadMask.of(request.workloads());
        boolean continuity = openByTenant.getOrDefault(request.tenantId(), Map.of()).containsKey(architectId);
        return rank(slot, continuity, request, requestMask).evaluation(weights.weightOf(request.type()));
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
        openByTenant.computeIfAbsent(tenantId, t -> new HashMap<>()).merge(architectId, 1, Integer::sum);
    }

    /** Closes an open assignment (its engagement completed, or it moves); returns it, or empty if none was open. */
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
        Map<String, Integer> tenantArchitects = openByTenant.get(open.tenantId());
        if (tenantArchitects.merge(open.architectId(), -1, Integer::sum) == 0) {
            tenantArchitects.remove(open.architectId());
            if (tenantArchitects.isEmpty()) {
                openByTenant.remove(open.tenantId());
            }
        }
        return Optional.of(open);
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
        openByTenant.computeIfAbsent(tenantId, t -> new HashMap<>()).merge(architectId, 1, Integer::sum);
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

    private void countAssignment(Slot slot, Instant assignedAt) {
        if (slot.lastAssignedAt == null || assignedAt.isAfter(slot.lastAssignedAt)) {
            slot.lastAssignedAt = assignedAt;
        }
        Instant expires = assignedAt.plus(TRAILING_WINDOW);
        if (expires.isAfter(clock)) {
            slot.assignmentsInWindow++;
            timers.add(new Timer(expires, slot.id, TimerKind.WINDOW_EXPIRY, 0));
        }
    }

    private void fire(Timer timer) {
        Slot slot = slots.get(timer.architectId());
        detach(slot);
        if (timer.kind() == TimerKind.WINDOW_EXPIRY) {
            slot.assignmentsInWindow--;
        } else if (timer.generation() == slot.generation) {
            slot.away = slot.profile.isAwayAt(clock);
        }
        attach(slot);
    }

    private boolean canTake(Slot slot, ArchitectRole role, int weight) {
        return slot != null && slot.profile != null && slot.profile.role() == role && !slot.away
                && slot.load + weight <= slot.profile.capacity();
    }

    private Ranked rank(Slot slot, boolean continuity, AssignmentRequest request, long requestMask) {
        return new Ranked(slot, continuity, slot.profile.region() == request.region(),
                Long.bitCount(slot.skillMask & requestMask));
    }

    private void addExclusions(ArchitectRole role, int weight, Set<String> excluded,
            List<CandidateEvaluation> candidates, Map<Exclusion, Integer> counts) {
        counts.put(Exclusion.ROLE, profiled - byRole.get(role).size());
        int roleExamples = 0;
        for (ArchitectRole other : ArchitectRole.values()) {
            Iterator<String> ids = byRole.get(other).iterator();
            while (other != role && roleExamples < topK && ids.hasNext()) {
                candidates.add(excludedEvaluation(ids.next(), Exclusion.ROLE));
                roleExamples++;
            }
        }
        TreeSet<String> away = awayByRole.get(role);
        counts.put(Exclusion.AWAY, away.size());
        away.stream().limit(topK).forEach(id -> candidates.add(excludedEvaluation(id, Exclusion.AWAY)));
        TreeSet<String> full = noCapacity.getOrDefault(new IndexKey(role, weight), new TreeSet<>());
        counts.put(Exclusion.NO_CAPACITY, full.size());
        full.stream().limit(topK).forEach(id -> candidates.add(excludedEvaluation(id, Exclusion.NO_CAPACITY)));
        if (!excluded.isEmpty()) {
            counts.put(Exclusion.CURRENT_ARCHITECT, excluded.size());
            excluded.stream().sorted().forEach(id -> candidates.add(excludedEvaluation(id, Exclusion.CURRENT_ARCHITECT)));
        }
    }

    private CandidateEvaluation excludedEvaluation(String architectId, Exclusion reason) {
        return new CandidateEvaluation(architectId, reason.name(), null, null, null, null, null, null);
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
            if (slot.load + weight <= profile.capacity()) {
                eligibleIndex(profile.role(), weight)
                        .computeIfAbsent(profile.region(), region -> new TreeMap<>())
                        .computeIfAbsent(slot.skillMask, mask -> new TreeSet<>(balanceOrder.get(weight)))
                        .add(slot);
            } else {
                noCapacity.computeIfAbsent(new IndexKey(profile.role(), weight), key -> new TreeSet<>()).add(slot.id);
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
            if (slot.load + weight <= profile.capacity()) {
                Map<Long, TreeSet<Slot>> bySkills = eligibleIndex(profile.role(), weight).get(profile.region());
                TreeSet<Slot> group = bySkills.get(slot.skillMask);
                group.remove(slot);
                if (group.isEmpty()) {
                    bySkills.remove(slot.skillMask);
                }
            } else {
                noCapacity.get(new IndexKey(profile.role(), weight)).remove(slot.id);
            }
        }
    }

    private static Comparator<Slot> balanceComparator(int weight) {
        return (a, b) -> {
            int byUtilization = Long.compare((long) (a.load + weight) * b.profile.capacity(),
                    (long) (b.load + weight) * a.profile.capacity());
            if (byUtilization != 0) {
                return byUtilization;
            }
            int byRecent = Integer.compare(a.assignmentsInWindow, b.assignmentsInWindow);
            if (byRecent != 0) {
                return byRecent;
            }
            if (a.lastAssignedAt == null || b.lastAssignedAt == null) {
                if (a.lastAssignedAt != b.lastAssignedAt) {
                    return a.lastAssignedAt == null ? -1 : 1;
                }
            } else {
                int byLast = a.lastAssignedAt.compareTo(b.lastAssignedAt);
                if (byLast != 0) {
                    return byLast;
                }
            }
            return a.id.compareTo(b.id);
        };
    }

    private static final class Slot {
        final String id;
        final TreeSet<String> openRequests = new TreeSet<>();
        Architect profile;
        long skillMask;
        int generation;
        boolean away;
        int load;
        int assignmentsInWindow;
        Instant lastAssignedAt;

        Slot(String id) {
            this.id = id;
        }

        ArchitectView view() {
            return new ArchitectView(profile, load, away, List.copyOf(openRequests), assignmentsInWindow, lastAssignedAt);
        }
    }

    private record IndexKey(ArchitectRole role, int weight) {
    }

    private enum TimerKind { AWAY_CHECK, WINDOW_EXPIRY }

    private record Timer(Instant at, String architectId, TimerKind kind, int generation) {
    }

    private record Group(boolean regionMatch, int skillMatches, TreeSet<Slot> members) {
        boolean sameFit(Group other) {
            return regionMatch == other.regionMatch && skillMatches == other.skillMatches;
        }
    }

    private static final class Head {
        final Slot current;
        final Iterator<Slot> rest;

        Head(Slot current, Iterator<Slot> rest) {
            this.current = current;
            this.rest = rest;
        }
    }

    private record Ranked(Slot slot, boolean continuity, boolean regionMatch, int skillMatches) {
        CandidateEvaluation evaluation(int weight) {
            BigDecimal utilizationAfter = BigDecimal.valueOf(slot.load + weight)
                    .divide(BigDecimal.valueOf(slot.profile.capacity()), 4, RoundingMode.HALF_UP);
            return new CandidateEvaluation(slot.id, null, continuity, regionMatch, skillMatches, utilizationAfter,
                    slot.assignmentsInWindow, slot.lastAssignedAt);
        }
    }
}
