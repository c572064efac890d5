package io.fasttrack.flow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.fasttrack.flow.events.EventCodec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;

class HarnessTest {

    @Test
    void requestBodiesAreJsonWithTheirTenant() throws Exception {
        for (Bodies.Kind kind : Bodies.Kind.values()) {
            JsonNode body = EventCodec.mapper().readTree(kind.request("bench-x-1-42"));
            assertThat(body.path("type").asText()).isEqualTo(kind.name());
            assertThat(body.path("customer").path("tenantId").asText()).isEqualTo("bench-x-1-42");
            assertThat(body.path("attachments").size()).isPositive();
        }
        JsonNode architect = EventCodec.mapper().readTree(Bodies.architect("fta-1", "ALIGNMENT_FTA", 1000));
        assertThat(architect.path("capacity").asInt()).isEqualTo(1000);
    }

    @Test
    void readsTheIdOfAnAnswer() {
        assertThat(Bodies.idOf("{\"id\": \"r-1\", \"status\":\"SUBMITTED\"}")).isEqualTo("r-1");
        assertThat(Bodies.idOf("{\"status\":\"SUBMITTED\"}")).isNull();
        assertThat(Bodies.idOf(null)).isNull();
    }

    @Test
    void parsesOptionsAndRefusesUnknownOnes() {
        Args args = Args.parse(new String[] {"--rates=100,500", "--duration", "2.5s", "--timeout=500ms", "--typo=1"});
        assertThat(args.getIntList("rates", "1")).containsExactly(100, 500);
        assertThat(args.getDuration("duration", Duration.ZERO)).isEqualTo(Duration.ofMillis(2500));
        assertThat(args.getDuration("timeout", Duration.ZERO)).isEqualTo(Duration.ofMillis(500));
        assertThatThrownBy(args::rejectUnknown).hasMessageContaining("typo");
    }

    @Test
    void aSlotLeavesPendingOnceAndGivesBackItsPermit() {
        Phase phase = new Phase("t", 1, 0, 3);
        Semaphore permits = new Semaphore(0);
        phase.closedLoopPermits = permits;
        for (int seq = 0; seq < 3; seq++) {
            phase.intended.set(seq, 1_000);
            phase.issued.incrementAndGet();
        }
        phase.open(0, 2_000, "r-0", 5);
        phase.open(0, 3_000, "r-0", 5);
        phase.answer(1, 2_000, 503, null, "busy");
        assertThat(phase.completed.get()).isEqualTo(1);
        assertThat(permits.availablePermits()).isEqualTo(2);
        assertThat(phase.sweep(1_500, 1_000)).isFalse();
        assertThat(phase.sweep(2_500, 1_000)).isTrue();
        assertThat(phase.state.get(2)).isEqualTo(Phase.TIMED_OUT);
        assertThat(permits.availablePermits()).isEqualTo(3);
        phase.open(2, 9_000, "r-2", 5);
        assertThat(phase.completed.get()).isEqualTo(1);
    }

    @Test
    void readsBothDatabaseCountersOffAScrapeSummingTheirSeries() {
        String scrape = """
                # HELP fasttrack_sql_statements_total SQL statements run
                # TYPE fasttrack_sql_statements_total counter
                fasttrack_sql_statements_total 1234.0
                fasttrack_sql_statements_total_other 99.0
                # TYPE fasttrack_db_transactions_total counter
                fasttrack_db_transactions_total{datasource="default"} 300.0
                fasttrack_db_transactions_total{datasource="audit"} 7.0 # {trace_id="abc"} 1.0 1.7e9
                http_server_requests_seconds_count{uri="/requests"} 5.0
                """;
        assertThat(DatabaseCounters.parse(scrape)).contains(new DatabaseCounters.Reading(1234, 307));
        assertThat(DatabaseCounters.parse("http_server_requests_seconds_count 5.0\n")).isEmpty();
    }

    @Test
    void dividesWhatEachServiceRanByTheAcceptedRequests() {
        Map<String, DatabaseCounters.Reading> before = new LinkedHashMap<>();
        before.put("intake", new DatabaseCounters.Reading(1_000, 500));
        before.put("assignment", new DatabaseCounters.Reading(0, 0));
        before.put("health", new DatabaseCounters.Reading(50, 50));
        Map<String, DatabaseCounters.Reading> after = new LinkedHashMap<>();
        after.put("intake", new DatabaseCounters.Reading(1_310, 600));
        after.put("assignment", new DatabaseCounters.Reading(400, 130));
        after.put("engagement", new DatabaseCounters.Reading(200, 100)); // not read before: left out
        after.put("health", new DatabaseCounters.Reading(10, 10)); // restarted in between: left out

        DatabaseCounters.PerRequest work = DatabaseCounters.perRequest(before, after, 100);

        assertThat(work.services()).containsOnlyKeys("intake", "assignment");
        assertThat(work.services().get("intake")).isEqualTo(new DatabaseCounters.Reading(3.1, 1.0));
        assertThat(work.total()).isEqualTo(new DatabaseCounters.Reading(7.1, 2.3));
        assertThat(work.describe()).isEqualTo("sql statements/request 7.1 (intake 3.1, assignment 4.0), "
                + "transactions/request 2.3 (intake 1.0, assignment 1.3)");
        assertThat(DatabaseCounters.perRequest(before, after, 0).describe())
                .isEqualTo("no SQL counters on the services' /q/metrics");
    }

    @Test
    void countsAcceptedAnswersOnly() {
        Phase phase = new Phase("t", 1, 0, 3);
        phase.answer(0, 1, 202, "r-0", null);
        phase.answer(1, 1, 503, null, "busy");
        phase.answer(2, 1, 202, "r-2", null);
        assertThat(phase.accepted()).isEqualTo(2);
    }

    @Test
    void theSpreadOfRepeatsIsMinMedianAndMaxLeavingOutWhatWasNotMeasured() {
        Stats.Spread odd = Stats.of(List.of(30.0, 10.0, 20.0));
        assertThat(odd).isEqualTo(new Stats.Spread(10, 20, 30, 3));
        assertThat(odd.describe()).isEqualTo("10.0 / 20.0 / 30.0");
        // an even count: the mean of the middle two
        assertThat(Stats.of(List.of(4.0, 1.0, 3.0, 100.0))).isEqualTo(new Stats.Spread(1, 3.5, 100, 4));
        assertThat(Stats.of(List.of(Double.NaN, 7.0))).isEqualTo(new Stats.Spread(7, 7, 7, 1));
        assertThat(Stats.of(List.of(7.0)).describe()).isEqualTo("7.0");
        Stats.Spread none = Stats.of(List.of(Double.NaN));
        assertThat(none.n()).isZero();
        assertThat(none.median()).isNaN();
        assertThat(none.describe()).isEqualTo("n/a");
        assertThat(Stats.mean(List.of(1.0, 2.0, Double.NaN, 6.0))).isEqualTo(3.0);
    }

    @Test
    void theSummaryHoldsTheMedianUnderEachKeyAndItsMinAndMaxBeside() {
        Summary summary = new Summary();
        summary.text("repeats", "3");
        for (double p99 : new double[] {250.0, 90.5, 120.25}) {
            summary.sample("rate500.p99_ms", p99);
        }
        summary.count("rate500.errors", 0);
        summary.count("rate500.errors", 4);
        summary.count("rate500.errors", 1);
        summary.count("rate100.timeouts", 1);
        summary.count("rate100.timeouts", 2);
        summary.sample("rate500.cpu_ms_per_request.kafka", 0.123, 2);
        summary.sample("idle.p50_ms", Double.NaN);

        assertThat(summary.lines()).containsExactly(
                "repeats=3",
                "rate500.p99_ms=120.3", "rate500.p99_ms.min=90.5", "rate500.p99_ms.max=250.0",
                "rate500.errors=1", "rate500.errors.min=0", "rate500.errors.max=4",
                "rate100.timeouts=1.5", "rate100.timeouts.min=1", "rate100.timeouts.max=2",
                "rate500.cpu_ms_per_request.kafka=0.12", "rate500.cpu_ms_per_request.kafka.min=0.12",
                "rate500.cpu_ms_per_request.kafka.max=0.12",
                "idle.p50_ms=NaN", "idle.p50_ms.min=NaN", "idle.p50_ms.max=NaN");
        assertThat(summary.spread("rate500.p99_ms").median()).isEqualTo(120.25);
        assertThat(summary.spread("never.sampled").n()).isZero();
        assertThatThrownBy(() -> summary.sample("repeats", 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void dividesEachProcesssCpuByTheRequestsWithTheGeneratorAndTheMachineApart() {
        Map<String, Double> before = new LinkedHashMap<>();
        before.put("kafka", 10.0);
        before.put("intake-service", 20.0);
        before.put("health-service", 50.0);
        before.put("load-generator", 1.0);
        before.put("machine busy", 100.0);
        before.put("machine total", 400.0);
        Map<String, Double> after = new LinkedHashMap<>();
        after.put("kafka", 12.0);
        after.put("intake-service", 26.0);
        after.put("health-service", 3.0); // restarted in between: left out
        after.put("engagement-service", 9.0); // not there before: left out
        after.put("load-generator", 1.5);
        after.put("machine busy", 111.0);
        after.put("machine total", 440.0);

        CpuCost.Window window = CpuCost.Window.between(before, after, 1_000);

        assertThat(window.seconds()).containsExactly(Map.entry("stack", 8.0), Map.entry("kafka", 2.0),
                Map.entry("intake-service", 6.0), Map.entry("load-generator", 0.5), Map.entry("machine", 11.0));
        assertThat(window.msPerRequest()).containsExactly(Map.entry("stack", 8.0), Map.entry("kafka", 2.0),
                Map.entry("intake-service", 6.0), Map.entry("load-generator", 0.5), Map.entry("machine", 11.0));
        assertThat(CpuCost.describe(window.msPerRequest())).isEqualTo(
                "stack 8.00 (kafka 2.00, intake-service 6.00), load-generator 0.50 (not in the stack), whole machine 11.00");
        assertThat(CpuCost.Window.between(before, after, 0).msPerRequest()).isEmpty();
        assertThat(CpuCost.describe(Map.of())).isEqualTo("n/a");
    }

    @Test
    void theMarginalCpuOfARequestIsTheGrowthOfTheMeansOverTheRepeats() {
        // every phase pays 3 s of kafka and 10 s of intake whatever its load; a request costs 2 ms of kafka and
        // 5 ms of intake on top
        CpuCost.Window a1 = window(1_000, 3 + 2.0, 10 + 5.0);
        CpuCost.Window a2 = window(3_000, 3 + 6.0, 10 + 15.0);
        CpuCost.Window b1 = window(10_000, 3 + 20.0, 10 + 50.0);
        CpuCost.Window b2 = window(14_000, 3 + 28.0, 10 + 70.0);

        Map<String, Double> marginal = CpuCost.marginal(List.of(a1, a2), List.of(b1, b2));

        // means: A 2,000 requests, kafka 7 s, intake 20 s; B 12,000, kafka 27 s, intake 70 s
        assertThat(marginal).containsOnlyKeys("stack", "kafka", "intake-service");
        assertThat(marginal.get("kafka")).isCloseTo(2.0, within(1e-9));
        assertThat(marginal.get("intake-service")).isCloseTo(5.0, within(1e-9));
        assertThat(marginal.get("stack")).isCloseTo(7.0, within(1e-9));
        // the average cost per request still carries the fixed part
        assertThat(a1.msPerRequest().get("stack")).isCloseTo(20.0, within(1e-9));

        assertThat(CpuCost.marginal(List.of(b1), List.of(a1))).as("requests fell").isEmpty();
        assertThat(CpuCost.marginal(List.of(), List.of(a1))).isEmpty();
        Map<String, Stats.Spread> perRequest = CpuCost.perRequest(List.of(b1, b2, a2));
        assertThat(perRequest.get("kafka").median()).isCloseTo(2.3, within(1e-9)); // 2.3, 2.214.., 3.0
        assertThat(perRequest.get("kafka").max()).isCloseTo(3.0, within(1e-9));
    }

    private static CpuCost.Window window(long requests, double kafkaSeconds, double intakeSeconds) {
        Map<String, Double> before = Map.of("kafka", 0.0, "intake-service", 0.0);
        Map<String, Double> after = new LinkedHashMap<>();
        after.put("kafka", kafkaSeconds);
        after.put("intake-service", intakeSeconds);
        return CpuCost.Window.between(before, after, requests);
    }

    @Test
    void theDatabaseWorkOfRepeatsIsTheMedianOfEachFigure() {
        Map<String, DatabaseCounters.Reading> one = new LinkedHashMap<>();
        one.put("intake", new DatabaseCounters.Reading(1.0, 1.0));
        one.put("health", new DatabaseCounters.Reading(0.5, 0.1));
        Map<String, DatabaseCounters.Reading> two = new LinkedHashMap<>();
        two.put("intake", new DatabaseCounters.Reading(3.0, 1.0));
        two.put("health", new DatabaseCounters.Reading(0.3, 0.3));
        Map<String, DatabaseCounters.Reading> three = new LinkedHashMap<>();
        three.put("intake", new DatabaseCounters.Reading(2.0, 2.0));

        DatabaseCounters.PerRequest median = DatabaseCounters.median(List.of(
                new DatabaseCounters.PerRequest(one, new DatabaseCounters.Reading(1.5, 1.1)),
                new DatabaseCounters.PerRequest(two, new DatabaseCounters.Reading(3.3, 1.3)),
                new DatabaseCounters.PerRequest(three, new DatabaseCounters.Reading(2.0, 2.0)),
                new DatabaseCounters.PerRequest(Map.of(), new DatabaseCounters.Reading(0, 0)))); // no counters: left out

        assertThat(median.services().get("intake")).isEqualTo(new DatabaseCounters.Reading(2.0, 1.0));
        assertThat(median.services().get("health")).isEqualTo(new DatabaseCounters.Reading(0.4, 0.2));
        assertThat(median.total()).isEqualTo(new DatabaseCounters.Reading(2.0, 1.3));
    }
}
