package io.fasttrack.flow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fasttrack.flow.events.EventCodec;
import java.time.Duration;
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
}
