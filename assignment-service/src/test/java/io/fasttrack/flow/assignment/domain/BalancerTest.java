package io.fasttrack.flow.assignment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.fasttrack.flow.assignment.domain.CandidateComparison.Verdict;
import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.CandidateEvaluation;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.Workload;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BalancerTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Duration LOOKBACK = Duration.ofDays(180);

    private final Balancer balancer = new Balancer(WeightPolicy.specDefaults(), 5, LOOKBACK);

    private static Architect architect(String id, ArchitectRole role, Region region, int capacity, Workload... skills) {
        return new Architect(id, id, role, region, BERLIN, capacity, Set.of(skills), "tm-1", null, null);
    }

    private static AssignmentRequest request(String id, String tenant, RequestType type, Region region, Workload... workloads) {
        RequestQueue queue = type == RequestType.LAND_FTC_BENEFIT || type == RequestType.SALES_SUPPORT_INQUIRY
                || type == RequestType.ENGAGE_BEFORE_LICENSE ? RequestQueue.FTCHELP : RequestQueue.FTA;
        return new AssignmentRequest(id, tenant, type, queue, false, region, List.of(workloads));
    }

    private static AssignmentRequest modern(String id, String tenant) {
        return new AssignmentRequest(id, tenant, RequestType.MIGRATION_EXCEPTION, RequestQueue.FTA, true, Region.EMEA, List.of());
    }

    private Decision decide(AssignmentRequest request) {
        return balancer.decide(request, T0, Map.of());
    }

    private RankingRule lostOn(AssignmentRequest request, String architectId) {
        CandidateComparison comparison = balancer.compare(request, T0, Map.of(), architectId, "w");
        assertThat(comparison.verdict()).isEqualTo(Verdict.LOST);
        return comparison.rankingRule();
    }

    private void register(Architect... architects) {
        for (Architect architect : architects) {
            balancer.upsertArchitect(architect, T0);
        }
    }

    @Test
    void routesFtaQueueByGetModernAndHelpQueueToFtcHelp() {
        register(architect("align", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10),
                architect("modern", ArchitectRole.GET_MODERN_FTA, Region.EMEA, 10),
                architect("help", ArchitectRole.FTCHELP, Region.EMEA, 10));
        assertThat(decide(request("r1", "t1", RequestType.DISCOVERY_WORKSHOP, Region.EMEA)).architectId()).isEqualTo("align");
        assertThat(decide(modern("r2", "t2")).architectId()).isEqualTo("modern");
        Decision help = decide(request("r3", "t3", RequestType.SALES_SUPPORT_INQUIRY, Region.EMEA));
        assertThat(help.architectId()).isEqualTo("help");
        assertThat(help.role()).isEqualTo(ArchitectRole.FTCHELP);
        assertThat(help.rule()).isEqualTo(DecidingRule.ONLY_ELIGIBLE);
        assertThat(help.excludedCounts()).containsEntry(Exclusion.ROLE, 2);
        assertThat(help.candidates()).filteredOn(c -> "ROLE".equals(c.excludedBecause()))
                .extracting(CandidateEvaluation::architectId).containsExactly("align", "modern");
    }

    /**
     * A simulation's window decides with other weights from its start: work already assigned keeps its weight, and
     * the rebuilt indexes find room exactly where the new weights leave it.
     */
    @Test
    void aChangedPolicyDecidesWithItsWeightsWhileAssignedWorkKeepsItsOwn() {
        register(architect("align", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 4));
        Decision first = decide(request("w1", "t1", RequestType.DISCOVERY_WORKSHOP, Region.EMEA));
        balancer.assign("w1", first.architectId(), "t1", first.weight(), T0);
        assertThat(first.weight()).isEqualTo(3);
        assertThat(decide(request("w2", "t2", RequestType.DISCOVERY_WORKSHOP, Region.EMEA)).assigned()).isFalse();

        balancer.changePolicy(new WeightPolicy(Map.of(RequestType.DISCOVERY_WORKSHOP, 1), 1), LOOKBACK);

        Decision lighter = decide(request("w2", "t2", RequestType.DISCOVERY_WORKSHOP, Region.EMEA));
        assertThat(lighter.assigned()).isTrue();
        assertThat(lighter.weight()).isEqualTo(1);
        balancer.assign("w2", lighter.architectId(), "t2", lighter.weight(), T0);
        assertThat(balancer.view("align").orElseThrow().load()).isEqualTo(4);
        assertThat(decide(request("w3", "t3", RequestType.DISCOVERY_WORKSHOP, Region.EMEA)).assigned()).isFalse();

        balancer.release("w1");
        assertThat(balancer.view("align").orElseThrow().load()).isEqualTo(1);
        assertThat(decide(request("w3", "t3", RequestType.DISCOVERY_WORKSHOP, Region.EMEA)).assigned()).isTrue();
    }

    @Test
    void weightsComeFromThePolicy() {
        register(architect("a", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10));
        assertThat(decide(request("r1", "t", RequestType.DISCOVERY_WORKSHOP, Region.EMEA)).weight()).isEqualTo(3);
        assertThat(decide(request("r2", "t", RequestType.ECIF_DWR_REVIEW, Region.EMEA)).weight()).isEqualTo(2);
        assertThat(decide(request("r3", "t", RequestType.MIGRATION_EXCEPTION, Region.EMEA)).weight()).isEqualTo(2);
        assertThat(decide(request("r4", "t", RequestType.LAND_FTC_BENEFIT, Region.EMEA)).weight()).isEqualTo(1);
        WeightPolicy custom = new WeightPolicy(Map.of(RequestType.LAND_FTC_BENEFIT, 4), 2);
        assertThat(custom.weightOf(RequestType.LAND_FTC_BENEFIT)).isEqualTo(4);
        assertThat(custom.weightOf(RequestType.DISCOVERY_WORKSHOP)).isEqualTo(2);
    }

    @Test
    void awayArchitectsAreExcludedInsideTheirPeriodAndBackAfterIt() {
        Architect away = new Architect("away", "away", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, BERLIN, 10, Set.of(),
                "tm-1", LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-03"));
        register(away, architect("busy", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10));
        balancer.assign("old", "busy", "other", 5, T0);

        Decision during = decide(request("r1", "t", RequestType.ECIF_DWR_REVIEW, Region.EMEA));
        assertThat(during.architectId()).isEqualTo("busy");
        assertThat(during.excludedCounts()).containsEntry(Exclusion.AWAY, 1);
        assertThat(during.candidates()).anyMatch(c -> c.architectId().equals("away") && "AWAY".equals(c.excludedBecause()));

        // Wednesday 00:00 in Berlin is Tuesday 23:00 UTC: back, and less loaded
        Decision lastMinute = balancer.decide(request("r2", "t", RequestType.ECIF_DWR_REVIEW, Region.EMEA),
                Instant.parse("2026-11-03T22:59:59Z"), Map.of());
        assertThat(lastMinute.architectId()).isEqualTo("busy");
        Decision back = balancer.decide(request("r3", "t", RequestType.ECIF_DWR_REVIEW, Region.EMEA),
                Instant.parse("2026-11-03T23:00:00Z"), Map.of());
        assertThat(back.architectId()).isEqualTo("away");
    }

    @Test
    void capacityMustHoldTheWeight() {
        register(architect("small", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 2),
                architect("big", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 30));
        balancer.assign("x", "big", "other", 20, T0);
        // small would be at 150 %: not eligible although its utilization before is 0
        Decision workshop = decide(request("r1", "t", RequestType.DISCOVERY_WORKSHOP, Region.EMEA));
        assertThat(workshop.architectId()).isEqualTo("big");
        assertThat(workshop.excludedCounts()).containsEntry(Exclusion.NO_CAPACITY, 1);
        assertThat(workshop.candidates()).anyMatch(c -> c.architectId().equals("small") && "NO_CAPACITY".equals(c.excludedBecause()));
        // weight 2 exactly fills small: eligible (load + weight <= capacity), scored at 100 %
        Decision review = decide(request("r3", "t", RequestType.ECIF_DWR_REVIEW, Region.EMEA));
        assertThat(review.candidates()).anyMatch(c -> c.architectId().equals("small") && c.excludedBecause() == null
                && c.utilizationAfter().compareTo(BigDecimal.ONE) == 0);
        balancer.assign("y", "big", "other", 10, T0);
        assertThat(decide(request("r2", "t", RequestType.ECIF_DWR_REVIEW, Region.EMEA)).architectId()).isEqualTo("small");
        balancer.assign("z", "small", "other", 2, T0);
        Decision none = decide(request("r4", "t", RequestType.DISCOVERY_WORKSHOP, Region.EMEA));
        assertThat(none.assigned()).isFalse();
        assertThat(none.rule()).isEqualTo(DecidingRule.QUEUE);
        assertThat(none.excludedCounts()).containsEntry(Exclusion.NO_CAPACITY, 2);
    }

    @Test
    void continuityBeatsFitAndBalance() {
        register(architect("busy-amer", ArchitectRole.ALIGNMENT_FTA, Region.AMER, 10),
                architect("idle-emea", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10, Workload.TEAMS));
        balancer.assign("first", "busy-amer", "contoso", 6, T0);
        Decision decision = decide(request("r1", "contoso", RequestType.ECIF_DWR_REVIEW, Region.EMEA, Workload.TEAMS));
        assertThat(decision.architectId()).isEqualTo("busy-amer");
        assertThat(decision.rule()).isEqualTo(DecidingRule.CONTINUITY);
        assertThat(decision.candidates().get(0).continuity()).isTrue();
        assertThat(decision.candidates().get(1).architectId()).isEqualTo("idle-emea");
    }

    @Test
    void continuityNeedsAnEligibleArchitect() {
        register(architect("full", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 3),
                architect("other", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10));
        balancer.assign("first", "full", "contoso", 3, T0);
        Decision decision = decide(request("r1", "contoso", RequestType.LAND_FTC_BENEFIT, Region.EMEA));
        assertThat(decision.architectId()).isNull();
        Decision fta = decide(request("r2", "contoso", RequestType.ECIF_DWR_REVIEW, Region.EMEA));
        assertThat(fta.architectId()).isEqualTo("other");
        assertThat(fta.rule()).isEqualTo(DecidingRule.ONLY_ELIGIBLE);
    }

    @Test
    void movedWorkLeavesNoContinuity() {
        register(architect("a", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10),
                architect("b", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10));
        balancer.assign("first", "b", "contoso", 1, T0);
        balancer.release("first");
        Decision decision = decide(request("r1", "contoso", RequestType.ECIF_DWR_REVIEW, Region.EMEA));
        assertThat(decision.architectId()).isEqualTo("a");
        assertThat(decision.rule()).isEqualTo(DecidingRule.BALANCE);
    }

    @Test
    void aReturningCustomerGetsTheArchitectOfTheirLatestEngagementWithinTheLookback() {
        register(architect("a", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10),
                architect("b", ArchitectRole.ALIGNMENT_FTA, Region.AMER, 10));
        balancer.assign("first", "b", "contoso", 2, T0);
        Instant completed = T0.plus(Duration.ofDays(3));
        assertThat(balancer.release("first", completed)).isPresent();

        Decision returning = balancer.decide(request("r1", "contoso", RequestType.ECIF_DWR_REVIEW, Region.EMEA),
                completed.plus(LOOKBACK).minusSeconds(1), Map.of());
        assertThat(returning.architectId()).isEqualTo("b");
        assertThat(returning.rule()).isEqualTo(DecidingRule.CONTINUITY);
        assertThat(returning.candidates().get(0).continuity()).isTrue();
        assertThat(returning.candidates().get(1).continuity()).isFalse();
    }

    @Test
    void beyondTheLookbackAReturningCustomerIsDecidedAsANewOne() {
        register(architect("a", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10),
                architect("b", ArchitectRole.ALIGNMENT_FTA, Region.AMER, 10));
        balancer.assign("first", "b", "contoso", 2, T0);
        balancer.release("first", T0);

        Decision decision = balancer.decide(request("r1", "contoso", RequestType.ECIF_DWR_REVIEW, Region.EMEA),
                T0.plus(LOOKBACK), Map.of());
        assertThat(decision.architectId()).isEqualTo("a");
        assertThat(decision.rule()).isEqualTo(DecidingRule.FIT);
        assertThat(decision.candidates()).allSatisfy(candidate -> assertThat(candidate.continuity()).isFalse());
    }

    @Test
    void theMostRecentEngagementIsTheLatestCompletedWithTiesToTheLowerId() {
        register(architect("a", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10),
                architect("b", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10),
                architect("c", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10));
        balancer.assign("by-b", "b", "contoso", 1, T0);
        balancer.assign("by-c", "c", "contoso", 1, T0);
        // c's engagement is released after b's but completed before it
        balancer.release("by-b", T0.plus(Duration.ofDays(5)));
        balancer.release("by-c", T0.plus(Duration.ofDays(4)));
        Instant later = T0.plus(Duration.ofDays(6));
        assertThat(balancer.decide(request("r1", "contoso", RequestType.ECIF_DWR_REVIEW, Region.EMEA), later, Map.of())
                .architectId()).isEqualTo("b");

        balancer.restoreCompleted("fabrikam", "c", T0);
        balancer.restoreCompleted("fabrikam", "b", T0);
        balancer.restoreCompleted("fabrikam", "c", T0.minusSeconds(1));
        Decision tie = balancer.decide(request("r2", "fabrikam", RequestType.ECIF_DWR_REVIEW, Region.EMEA), later, Map.of());
        assertThat(tie.architectId()).isEqualTo("b");
        assertThat(tie.rule()).isEqualTo(DecidingRule.CONTINUITY);
    }

    @Test
    void anOpenEngagementWinsOverACompletedOneWhileItsArchitectIsEligible() {
        register(architect("done", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10),
                architect("open", ArchitectRole.ALIGNMENT_FTA, Region.AMER, 4),
                architect("idle", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10));
        balancer.assign("old", "done", "contoso", 1, T0);
        balancer.release("old", T0.plusSeconds(60));
        balancer.assign("current", "open", "contoso", 2, T0.plusSeconds(120));

        Decision review = decide(request("r1", "contoso", RequestType.ECIF_DWR_REVIEW, Region.EMEA));
        assertThat(review.architectId()).isEqualTo("open");
        assertThat(review.rule()).isEqualTo(DecidingRule.CONTINUITY);
        assertThat(review.candidates()).filteredOn(c -> "done".equals(c.architectId()))
                .singleElement().satisfies(c -> assertThat(c.continuity()).isFalse());

        // a workshop (3 units) does not fit "open" (2 of 4 taken): the completed engagement's architect takes it
        Decision workshop = decide(request("r2", "contoso", RequestType.DISCOVERY_WORKSHOP, Region.EMEA));
        assertThat(workshop.architectId()).isEqualTo("done");
        assertThat(workshop.rule()).isEqualTo(DecidingRule.CONTINUITY);
    }

    @Test
    void aReturningCustomersArchitectMustBeEligible() {
        Architect away = new Architect("away", "away", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, BERLIN, 10, Set.of(),
                "tm-1", LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-06"));
        register(away, architect("other", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10));
        balancer.restoreCompleted("contoso", "away", T0.minus(Duration.ofDays(1)));
        Decision decision = decide(request("r1", "contoso", RequestType.ECIF_DWR_REVIEW, Region.EMEA));
        assertThat(decision.architectId()).isEqualTo("other");
        assertThat(decision.rule()).isEqualTo(DecidingRule.ONLY_ELIGIBLE);
    }

    @Test
    void fitPrefersTheRequestRegionOverLowerUtilization() {
        register(architect("idle-amer", ArchitectRole.ALIGNMENT_FTA, Region.AMER, 10),
                architect("loaded-emea", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10));
        balancer.assign("x", "loaded-emea", "other", 5, T0);
        Decision decision = decide(request("r1", "t", RequestType.ECIF_DWR_REVIEW, Region.EMEA));
        assertThat(decision.architectId()).isEqualTo("loaded-emea");
        assertThat(decision.rule()).isEqualTo(DecidingRule.FIT);
        assertThat(decision.candidates().get(0).regionMatch()).isTrue();
        assertThat(decision.candidates().get(1).regionMatch()).isFalse();
    }

    @Test
    void fitThenPrefersMoreOfTheRequestWorkloadsAmongSkills() {
        register(architect("one", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10, Workload.TEAMS, Workload.VIVA),
                architect("two", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10, Workload.TEAMS, Workload.EXCHANGE),
                architect("two-amer", ArchitectRole.ALIGNMENT_FTA, Region.AMER, 10, Workload.TEAMS, Workload.EXCHANGE, Workload.SHAREPOINT));
        balancer.assign("x", "two", "other", 4, T0);
        Decision decision = decide(request("r1", "t", RequestType.ECIF_DWR_REVIEW, Region.EMEA, Workload.TEAMS, Workload.EXCHANGE,
                Workload.SHAREPOINT));
        assertThat(decision.architectId()).isEqualTo("two");
        assertThat(decision.rule()).isEqualTo(DecidingRule.FIT);
        assertThat(decision.candidates()).extracting(CandidateEvaluation::architectId).startsWith("two", "one", "two-amer");
        assertThat(decision.candidates().get(0).skillMatches()).isEqualTo(2);
    }

    @Test
    void balanceTakesLowestUtilizationAfterAssignment() {
        register(architect("a", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10),
                architect("b", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 4));
        balancer.assign("x", "a", "other", 5, T0);
        // a: (5+2)/10 = 0.7, b: (0+2)/4 = 0.5
        Decision decision = decide(request("r1", "t", RequestType.ECIF_DWR_REVIEW, Region.EMEA));
        assertThat(decision.architectId()).isEqualTo("b");
        assertThat(decision.rule()).isEqualTo(DecidingRule.BALANCE);
        assertThat(decision.candidates().get(0).utilizationAfter()).isEqualByComparingTo(new BigDecimal("0.5"));
        // with weight 3 the order flips: a (8/10) vs b (3/4 = 0.75) -> b; weight 1: a 0.6, b 0.25
        balancer.assign("y", "b", "other", 1, T0);
        // a: (5+3)/10 = 0.8, b: (1+3)/4 = 1.0
        assertThat(decide(request("r2", "t", RequestType.DISCOVERY_WORKSHOP, Region.EMEA)).architectId()).isEqualTo("a");
        // weight 1: a 0.6, b 0.5
        assertThat(decide(request("r3", "t", RequestType.LAND_FTC_BENEFIT, Region.EMEA)).architectId()).isNull();
        assertThat(decide(request("r4", "t", RequestType.MIGRATION_EXCEPTION, Region.EMEA)).architectId()).isEqualTo("a");
    }

    @Test
    void tieOnUtilizationGoesToFewestAssignmentsInTrailing30Days() {
        register(architect("a", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10),
                architect("b", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10));
        Instant longAgo = T0.minus(Duration.ofDays(40));
        balancer.restoreHistory("a", longAgo);
        balancer.restoreHistory("a", longAgo.plusSeconds(1));
        balancer.assign("b1", "b", "other", 1, T0.minus(Duration.ofDays(10)));
        balancer.release("b1");
        // a: 2 assignments but outside the window; b: 1 inside
        Decision decision = decide(request("r1", "t", RequestType.ECIF_DWR_REVIEW, Region.EMEA));
        assertThat(decision.architectId()).isEqualTo("a");
        assertThat(decision.candidates().get(0).assignmentsLast30Days()).isZero();
        assertThat(decision.candidates().get(1).assignmentsLast30Days()).isEqualTo(1);
    }

    @Test
    void theTrailingWindowMovesWithTheClock() {
        register(architect("a", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10),
                architect("b", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10));
        balancer.assign("a1", "a", "other", 1, T0);
        balancer.release("a1");
        balancer.assign("b1", "b", "other", 1, T0.plus(Duration.ofDays(1)));
        balancer.assign("b2", "b", "other", 1, T0.plus(Duration.ofDays(2)));
        balancer.release("b1");
        balancer.release("b2");
        assertThat(balancer.decide(request("r1", "t", RequestType.ECIF_DWR_REVIEW, Region.EMEA), T0.plus(Duration.ofDays(29)), Map.of())
                .architectId()).isEqualTo("a");
        // after day 31 only b2 is inside b's window and a has none: still a; after day 32 both are empty -> earliest last assignment (a)
        Decision later = balancer.decide(request("r2", "t", RequestType.ECIF_DWR_REVIEW, Region.EMEA), T0.plus(Duration.ofDays(33)), Map.of());
        assertThat(later.candidates()).allSatisfy(c -> assertThat(c.assignmentsLast30Days()).isZero());
        assertThat(later.architectId()).isEqualTo("a");
    }

    @Test
    void thenEarliestLastAssignmentWithNeverAssignedFirst() {
        register(architect("a", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10),
                architect("b", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10),
                architect("c", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10));
        Instant old = T0.minus(Duration.ofDays(60));
        balancer.restoreHistory("a", old.plusSeconds(10));
        balancer.restoreHistory("b", old);
        assertThat(decide(request("r1", "t", RequestType.ECIF_DWR_REVIEW, Region.EMEA)).architectId()).isEqualTo("c");
        balancer.upsertArchitect(architect("c", ArchitectRole.ALIGNMENT_FTA, Region.APAC, 10), T0);
        assertThat(decide(request("r2", "t", RequestType.ECIF_DWR_REVIEW, Region.EMEA)).architectId()).isEqualTo("b");
    }

    @Test
    void thenTheIdDecides() {
        register(architect("zed", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10),
                architect("amy", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10));
        Decision decision = decide(request("r1", "t", RequestType.ECIF_DWR_REVIEW, Region.EMEA));
        assertThat(decision.architectId()).isEqualTo("amy");
        assertThat(decision.rule()).isEqualTo(DecidingRule.BALANCE);
    }

    @Test
    void explanationListsTopKScoredAndCountsEveryExclusion() {
        Balancer small = new Balancer(WeightPolicy.specDefaults(), 2, LOOKBACK);
        for (int i = 0; i < 6; i++) {
            small.upsertArchitect(architect("fta-" + i, ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10), T0);
        }
        small.upsertArchitect(architect("help-1", ArchitectRole.FTCHELP, Region.EMEA, 10), T0);
        small.upsertArchitect(architect("full", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 1), T0);
        Decision decision = small.decide(request("r1", "t", RequestType.ECIF_DWR_REVIEW, Region.EMEA), T0, Map.of());
        List<CandidateEvaluation> scored = decision.candidates().stream().filter(c -> c.excludedBecause() == null).toList();
        assertThat(scored).extracting(CandidateEvaluation::architectId).containsExactly("fta-0", "fta-1");
        assertThat(decision.excludedCounts()).containsEntry(Exclusion.ROLE, 1).containsEntry(Exclusion.NO_CAPACITY, 1)
                .containsEntry(Exclusion.AWAY, 0);
    }

    @Test
    void excludedArchitectIsNeverChosen() {
        register(architect("a", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10),
                architect("b", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10));
        balancer.assign("r1", "a", "t", 1, T0);
        Decision decision = balancer.decide(request("r1", "t", RequestType.ECIF_DWR_REVIEW, Region.EMEA), T0, Map.of("a", Exclusion.CURRENT_ARCHITECT));
        assertThat(decision.architectId()).isEqualTo("b");
        assertThat(decision.excludedCounts()).containsEntry(Exclusion.CURRENT_ARCHITECT, 1);
        assertThat(balancer.refusalOf("a", request("r1", "t", RequestType.ECIF_DWR_REVIEW, Region.EMEA), T0))
                .contains(Exclusion.CURRENT_ARCHITECT);
        assertThat(balancer.refusalOf("b", request("r1", "t", RequestType.ECIF_DWR_REVIEW, Region.EMEA), T0)).isEmpty();
    }

    @Test
    void anArchitectReservedForTheHeadOfTheQueueIsHeldBackAndCounted() {
        register(architect("a", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10),
                architect("b", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10),
                architect("help", ArchitectRole.FTCHELP, Region.EMEA, 10));
        Decision decision = balancer.decide(request("r1", "t", RequestType.ECIF_DWR_REVIEW, Region.EMEA), T0,
                Map.of("a", Exclusion.RESERVED, "help", Exclusion.RESERVED));
        assertThat(decision.architectId()).isEqualTo("b");
        assertThat(decision.rule()).isEqualTo(DecidingRule.ONLY_ELIGIBLE);
        // "help" could not take an FTA request anyway: counted once, under ROLE
        assertThat(decision.excludedCounts()).containsEntry(Exclusion.RESERVED, 1).containsEntry(Exclusion.ROLE, 1);
        assertThat(decision.candidates()).filteredOn(c -> c.excludedBecause() != null)
                .extracting(CandidateEvaluation::architectId, CandidateEvaluation::excludedBecause)
                .containsExactly(tuple("help", "ROLE"), tuple("a", "RESERVED"));

        Decision both = balancer.decide(request("r2", "t", RequestType.ECIF_DWR_REVIEW, Region.EMEA), T0,
                Map.of("a", Exclusion.RESERVED, "b", Exclusion.CURRENT_ARCHITECT));
        assertThat(both.rule()).isEqualTo(DecidingRule.QUEUE);
        assertThat(both.excludedCounts()).containsEntry(Exclusion.RESERVED, 1).containsEntry(Exclusion.CURRENT_ARCHITECT, 1);
    }

    @Test
    void onlyTheCallersReasonsMayBeGiven() {
        register(architect("a", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10));
        assertThatThrownBy(() -> balancer.decide(request("r1", "t", RequestType.ECIF_DWR_REVIEW, Region.EMEA), T0,
                Map.of("a", Exclusion.AWAY))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHeadOfTheQueueIsReservedTheArchitectWithTheMostFreeUnits() {
        register(architect("roomy", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10),
                architect("small", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 4),
                architect("tiny", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 2),
                architect("help", ArchitectRole.FTCHELP, Region.EMEA, 10));
        balancer.assign("x", "roomy", "other", 8, T0);
        balancer.assign("y", "small", "other", 1, T0);
        AssignmentRequest workshop = request("head", "t", RequestType.DISCOVERY_WORKSHOP, Region.EMEA);
        // free units: roomy 2, small 3, tiny 2 but its capacity never holds 3 units, help is of another role
        assertThat(balancer.reservationFor(workshop, T0)).contains("small");

        balancer.assign("z", "small", "other", 1, T0);
        // roomy and small both have 2 free: utilization after, (8 + 3) / 10 against (2 + 3) / 4
        assertThat(balancer.reservationFor(workshop, T0)).contains("roomy");
    }

    @Test
    void nobodyIsReservedWhenNoCapacityOfTheRoleCanEverHoldTheRequest() {
        Architect away = new Architect("away", "away", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, BERLIN, 10, Set.of(),
                "tm-1", LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-03"));
        register(away, architect("tiny", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 2));
        AssignmentRequest workshop = request("head", "t", RequestType.DISCOVERY_WORKSHOP, Region.EMEA);
        assertThat(balancer.reservationFor(workshop, T0)).isEmpty();
        // Wednesday 00:00 in Berlin
        assertThat(balancer.reservationFor(workshop, Instant.parse("2026-11-03T23:00:00Z"))).contains("away");
    }

    @Test
    void compareSaysWhyAnArchitectWasExcluded() {
        Architect away = new Architect("away", "away", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, BERLIN, 10, Set.of(),
                "tm-1", LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-03"));
        register(architect("winner", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10), away,
                architect("full", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 1),
                architect("help", ArchitectRole.FTCHELP, Region.EMEA, 10),
                architect("held", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10),
                architect("current", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10));
        balancer.assign("r1", "current", "t", 2, T0);
        AssignmentRequest review = request("r1", "t", RequestType.ECIF_DWR_REVIEW, Region.EMEA);
        Map<String, Exclusion> excluded = Map.of("current", Exclusion.CURRENT_ARCHITECT, "held", Exclusion.RESERVED);

        assertThat(List.of("help", "away", "full", "current", "held")).map(id -> balancer.compare(review, T0, excluded, id, "winner"))
                .allSatisfy(comparison -> {
                    assertThat(comparison.verdict()).isEqualTo(Verdict.EXCLUDED);
                    assertThat(comparison.architect().excludedBecause()).isEqualTo(comparison.excludedBecause().name());
                    assertThat(comparison.winner().utilizationAfter()).isEqualByComparingTo("0.2");
                })
                .extracting(CandidateComparison::excludedBecause)
                .containsExactly(Exclusion.ROLE, Exclusion.AWAY, Exclusion.NO_CAPACITY, Exclusion.CURRENT_ARCHITECT,
                        Exclusion.RESERVED);
        CandidateComparison unknown = balancer.compare(review, T0, excluded, "nobody", "winner");
        assertThat(unknown.verdict()).isEqualTo(Verdict.UNKNOWN_ARCHITECT);
        assertThat(unknown.architect()).isNull();
    }

    @Test
    void compareSaysOnWhichRuleAnArchitectLostWithBothSidesValues() {
        register(architect("w", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10, Workload.TEAMS, Workload.EXCHANGE),
                architect("region", ArchitectRole.ALIGNMENT_FTA, Region.AMER, 10, Workload.TEAMS, Workload.EXCHANGE),
                architect("skills", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10, Workload.TEAMS),
                architect("loaded", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10, Workload.TEAMS, Workload.EXCHANGE),
                architect("recent", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10, Workload.TEAMS, Workload.EXCHANGE),
                architect("veteran", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10, Workload.TEAMS, Workload.EXCHANGE),
                architect("x-twin", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10, Workload.TEAMS, Workload.EXCHANGE));
        balancer.restoreOpen("x", "loaded", "other", 2);
        balancer.restoreHistory("recent", T0.minus(Duration.ofDays(29)));
        balancer.restoreHistory("veteran", T0.minus(Duration.ofDays(31)));
        AssignmentRequest review = request("r1", "contoso", RequestType.ECIF_DWR_REVIEW, Region.EMEA, Workload.TEAMS,
                Workload.EXCHANGE);
        Decision decision = decide(review);
        assertThat(decision.architectId()).isEqualTo("w");

        assertThat(lostOn(review, "region")).isEqualTo(RankingRule.FIT_REGION);
        assertThat(lostOn(review, "skills")).isEqualTo(RankingRule.FIT_SKILLS);
        assertThat(lostOn(review, "loaded")).isEqualTo(RankingRule.UTILIZATION);
        assertThat(lostOn(review, "recent")).isEqualTo(RankingRule.RECENT_ASSIGNMENTS);
        assertThat(lostOn(review, "veteran")).isEqualTo(RankingRule.LAST_ASSIGNED);
        assertThat(lostOn(review, "x-twin")).isEqualTo(RankingRule.ID);
        CandidateComparison loaded = balancer.compare(review, T0, Map.of(), "loaded", "w");
        assertThat(loaded.architect().utilizationAfter()).isEqualByComparingTo("0.4");
        assertThat(loaded.winner().utilizationAfter()).isEqualByComparingTo("0.2");
        CandidateComparison skills = balancer.compare(review, T0, Map.of(), "skills", "w");
        assertThat(skills.architect().skillMatches()).isEqualTo(1);
        assertThat(skills.winner().skillMatches()).isEqualTo(2);

        balancer.assign("open", "w", "contoso", 1, T0);
        CandidateComparison fta = balancer.compare(review, T0, Map.of(), "x-twin", "w");
        assertThat(fta.verdict()).isEqualTo(Verdict.LOST);
        assertThat(fta.rankingRule()).isEqualTo(RankingRule.CONTINUITY);
        assertThat(fta.architect().continuity()).isFalse();
        assertThat(fta.winner().continuity()).isTrue();
    }

    @Test
    void compareNamesTheWinnerAndNoticesAChangedState() {
        register(architect("a", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10),
                architect("b", ArchitectRole.ALIGNMENT_FTA, Region.AMER, 10),
                architect("help", ArchitectRole.FTCHELP, Region.EMEA, 10));
        AssignmentRequest review = request("r1", "t", RequestType.ECIF_DWR_REVIEW, Region.EMEA);

        assertThat(balancer.compare(review, T0, Map.of(), "a", "a").verdict()).isEqualTo(Verdict.WINNER);
        CandidateComparison ahead = balancer.compare(review, T0, Map.of(), "a", "b");
        assertThat(ahead.verdict()).isEqualTo(Verdict.AHEAD_OF_WINNER);
        assertThat(ahead.rankingRule()).isEqualTo(RankingRule.FIT_REGION);
        CandidateComparison ineligibleWinner = balancer.compare(review, T0, Map.of(), "a", "help");
        assertThat(ineligibleWinner.verdict()).isEqualTo(Verdict.WINNER_NOT_ELIGIBLE);
        assertThat(ineligibleWinner.winner().excludedBecause()).isEqualTo("ROLE");
        assertThat(balancer.compare(review, T0, Map.of(), "a", null).verdict()).isEqualTo(Verdict.ELIGIBLE);
    }

    @Test
    void anAssignedRequestIsComparedAsItWasDecided() {
        register(architect("small", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 3),
                architect("amer", ArchitectRole.ALIGNMENT_FTA, Region.AMER, 10));
        AssignmentRequest workshop = request("r1", "contoso", RequestType.DISCOVERY_WORKSHOP, Region.EMEA);
        Decision decision = decide(workshop);
        balancer.assign("r1", decision.architectId(), "contoso", decision.weight(), decision.decidedAt());

        // small is full with r1 itself, and r1 is its only engagement with contoso: neither counts for r1
        CandidateComparison comparison = balancer.compare(workshop, T0, Map.of(), "amer", "small");
        assertThat(comparison.verdict()).isEqualTo(Verdict.LOST);
        assertThat(comparison.rankingRule()).isEqualTo(RankingRule.FIT_REGION);
        assertThat(comparison.winner().continuity()).isFalse();
        assertThat(comparison.winner().utilizationAfter()).isEqualByComparingTo(BigDecimal.ONE);
    }

    @Test
    void aMovedRequestLeavesItsArchitectTheirOtherEngagementsWithTheCustomer() {
        register(architect("a", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10),
                architect("b", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10));
        balancer.assign("r1", "a", "contoso", 2, T0);
        AssignmentRequest moved = request("r1", "contoso", RequestType.ECIF_DWR_REVIEW, Region.EMEA);
        assertThat(decide(moved).architectId()).isEqualTo("b");

        balancer.assign("r2", "a", "contoso", 2, T0);
        Decision decision = decide(moved);
        assertThat(decision.architectId()).isEqualTo("a");
        assertThat(decision.rule()).isEqualTo(DecidingRule.CONTINUITY);
        CandidateComparison comparison = balancer.compare(moved, T0, Map.of(), "b", "a");
        assertThat(comparison.rankingRule()).isEqualTo(RankingRule.CONTINUITY);
        assertThat(comparison.winner().utilizationAfter()).isEqualByComparingTo("0.4");
        assertThat(balancer.view("a").orElseThrow().load()).isEqualTo(4);
    }

    @Test
    void compareSeesTheTimeAskedWithoutMovingTheClock() {
        Architect leaving = new Architect("leaving", "leaving", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, BERLIN, 10,
                Set.of(), "tm-1", LocalDate.parse("2026-11-04"), LocalDate.parse("2026-11-05"));
        register(leaving, architect("recent", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10));
        balancer.restoreHistory("recent", T0.minus(Duration.ofDays(29)));
        AssignmentRequest review = request("r1", "t", RequestType.ECIF_DWR_REVIEW, Region.EMEA);
        Instant twoDaysLater = T0.plus(Duration.ofDays(2));

        CandidateComparison now = balancer.compare(review, T0, Map.of(), "recent", "leaving");
        assertThat(now.rankingRule()).isEqualTo(RankingRule.RECENT_ASSIGNMENTS);
        CandidateComparison later = balancer.compare(review, twoDaysLater, Map.of(), "recent", "leaving");
        assertThat(later.verdict()).isEqualTo(Verdict.WINNER_NOT_ELIGIBLE);
        assertThat(later.winner().excludedBecause()).isEqualTo("AWAY");
        assertThat(later.architect().assignmentsLast30Days()).isZero();

        assertThat(balancer.clock()).isEqualTo(T0);
        assertThat(decide(review).architectId()).isEqualTo("leaving");
    }

    @Test
    void aRequestIsOpenOnlyOnceAndLoadFollowsItsAssignments() {
        register(architect("a", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10));
        balancer.assign("r1", "a", "t", 3, T0);
        assertThatThrownBy(() -> balancer.assign("r1", "a", "t", 3, T0)).isInstanceOf(IllegalStateException.class);
        assertThat(balancer.view("a").orElseThrow().load()).isEqualTo(3);
        assertThat(balancer.release("r1")).isPresent();
        assertThat(balancer.release("r1")).isEmpty();
        assertThat(balancer.view("a").orElseThrow().load()).isZero();
    }

    @Test
    void capacityIsNeverExceededWhateverTheSequence() {
        for (int i = 0; i < 5; i++) {
            balancer.upsertArchitect(architect("a" + i, ArchitectRole.ALIGNMENT_FTA, Region.values()[i % 3], 3 + i), T0);
        }
        RequestType[] types = {RequestType.DISCOVERY_WORKSHOP, RequestType.ECIF_DWR_REVIEW, RequestType.MIGRATION_EXCEPTION};
        int assigned = 0;
        for (int i = 0; i < 200; i++) {
            AssignmentRequest request = request("r" + i, "t" + (i % 7), types[i % 3], Region.values()[i % 3]);
            Decision decision = balancer.decide(request, T0.plusSeconds(i), Map.of());
            if (decision.assigned()) {
                balancer.assign(request.requestId(), decision.architectId(), request.tenantId(), decision.weight(), decision.decidedAt());
                assigned++;
            }
            if (i % 5 == 4) {
                balancer.release("r" + (i - 4));
            }
            for (int a = 0; a < 5; a++) {
                ArchitectView view = balancer.view("a" + a).orElseThrow();
                assertThat(view.load()).isLessThanOrEqualTo(view.profile().capacity());
            }
        }
        assertThat(assigned).isGreaterThan(10);
    }

    @Test
    void sameEventsInTheSameOrderGiveTheSameDecisions() {
        assertThat(runScript()).isEqualTo(runScript());
    }

    @Test
    void aCauseOlderThanTheClockIsDecidedAtTheClock() {
        register(architect("a", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10));
        balancer.advanceTo(T0.plusSeconds(60));
        assertThat(decide(request("r1", "t", RequestType.ECIF_DWR_REVIEW, Region.EMEA)).decidedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void fairnessShowsTheSpreadOfUtilization() {
        register(architect("a", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10),
                architect("b", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10));
        balancer.assign("r1", "a", "t", 4, T0);
        Fairness fairness = balancer.fairness(ArchitectRole.ALIGNMENT_FTA);
        assertThat(fairness.architects()).isEqualTo(2);
        assertThat(fairness.maxMinusMin()).isEqualByComparingTo("0.4");
        assertThat(fairness.standardDeviation()).isEqualByComparingTo("0.2");
        assertThat(fairness.meanUtilization()).isEqualByComparingTo("0.2");
    }

    private List<String> runScript() {
        Balancer fresh = new Balancer(WeightPolicy.specDefaults(), 3, LOOKBACK);
        for (int i = 0; i < 12; i++) {
            fresh.upsertArchitect(new Architect("a" + i, "a" + i, ArchitectRole.ALIGNMENT_FTA, Region.values()[i % 3], BERLIN,
                    2 + i % 4, Set.of(Workload.values()[i % 5]), "tm", null, null), T0);
        }
        List<String> decisions = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            AssignmentRequest request = new AssignmentRequest("r" + i, "t" + (i % 9),
                    RequestType.values()[i % 3], RequestQueue.FTA, false, Region.values()[i % 3], List.of(Workload.values()[i % 5]));
            Decision decision = fresh.decide(request, T0.plus(Duration.ofHours(i)), Map.of());
            if (decision.assigned()) {
                fresh.assign(request.requestId(), decision.architectId(), request.tenantId(), decision.weight(), decision.decidedAt());
            }
            if (i % 3 == 2) {
                fresh.release("r" + (i - 2), T0.plus(Duration.ofHours(i)));
            }
            decisions.add(request.requestId() + "->" + decision.architectId() + "/" + decision.rule());
        }
        return decisions;
    }
}
