package io.fasttrack.flow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fasttrack.flow.events.EventCodec;
import java.time.Duration;
import java.util.LinkedHashMap;
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
}
