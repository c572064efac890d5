package io.fasttrack.flow.assignment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    private final Balancer balancer = new Balancer(WeightPolicy.specDefaults(), 5);

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
        return balancer.decide(request, T0, Set.of());
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
                Instant.parse("2026-11-03T22:59:59Z"), Set.of());
        assertThat(lastMinute.architectId()).isEqualTo("busy");
        Decision back = balancer.decide(request("r3", "t", RequestType.ECIF_DWR_REVIEW, Region.EMEA),
                Instant.parse("2026-11-03T23:00:00Z"), Set.of());
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
    void continuityEndsWhenTheEngagementCompletes() {
        register(architect("a", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10),
                architect("b", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10));
        balancer.assign("first", "b", "contoso", 1, T0);
        balancer.release("first");
        Decision decision = decide(request("r1", "contoso", RequestType.ECIF_DWR_REVIEW, Region.EMEA));
        assertThat(decision.architectId()).isEqualTo("a");
        assertThat(decision.rule()).isEqualTo(DecidingRule.BALANCE);
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
        assertThat(balancer.decide(request("r1", "t", RequestType.ECIF_DWR_REVIEW, Region.EMEA), T0.plus(Duration.ofDays(29)), Set.of())
                .architectId()).isEqualTo("a");
        // after day 31 only b2 is inside b's window and a has none: still a; after day 32 both are empty -> earliest last assignment (a)
        Decision later = balancer.decide(request("r2", "t", RequestType.ECIF_DWR_REVIEW, Region.EMEA), T0.plus(Duration.ofDays(33)), Set.of());
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
        Balancer small = new Balancer(WeightPolicy.specDefaults(), 2);
        for (int i = 0; i < 6; i++) {
            small.upsertArchitect(architect("fta-" + i, ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 10), T0);
        }
        small.upsertArchitect(architect("help-1", ArchitectRole.FTCHELP, Region.EMEA, 10), T0);
        small.upsertArchitect(architect("full", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, 1), T0);
        Decision decision = small.decide(request("r1", "t", RequestType.ECIF_DWR_REVIEW, Region.EMEA), T0, Set.of());
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
        Decision decision = balancer.decide(request("r1", "t", RequestType.ECIF_DWR_REVIEW, Region.EMEA), T0, Set.of("a"));
        assertThat(decision.architectId()).isEqualTo("b");
        assertThat(decision.excludedCounts()).containsEntry(Exclusion.CURRENT_ARCHITECT, 1);
        assertThat(balancer.refusalOf("a", request("r1", "t", RequestType.ECIF_DWR_REVIEW, Region.EMEA), T0))
                .contains(Exclusion.CURRENT_ARCHITECT);
        assertThat(balancer.refusalOf("b", request("r1", "t", RequestType.ECIF_DWR_REVIEW, Region.EMEA), T0)).isEmpty();
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
            Decision decision = balancer.decide(request, T0.plusSeconds(i), Set.of());
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
        Balancer fresh = new Balancer(WeightPolicy.specDefaults(), 3);
        for (int i = 0; i < 12; i++) {
            fresh.upsertArchitect(new Architect("a" + i, "a" + i, ArchitectRole.ALIGNMENT_FTA, Region.values()[i % 3], BERLIN,
                    2 + i % 4, Set.of(Workload.values()[i % 5]), "tm", null, null), T0);
        }
        List<String> decisions = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            AssignmentRequest request = new AssignmentRequest("r" + i, "t" + (i % 9),
                    RequestType.values()[i % 3], RequestQueue.FTA, false, Region.values()[i % 3], List.of(Workload.values()[i % 5]));
            Decision decision = fresh.decide(request, T0.plus(Duration.ofHours(i)), Set.of());
            if (decision.assigned()) {
                fresh.assign(request.requestId(), decision.architectId(), request.tenantId(), decision.weight(), decision.decidedAt());
            }
            if (i % 3 == 2) {
                fresh.release("r" + (i - 2));
            }
            decisions.add(request.requestId() + "->" + decision.architectId() + "/" + decision.rule());
        }
        return decisions;
    }
}
