package io.fasttrack.flow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    private static final UUID CAUSE = UUID.fromString("2b9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e03");

    private static EventEnvelope<?> assigned() {
        return EventSamples.of(EventType.FTA_ASSIGNED);
    }

    @Test
    void derivedIdIsDeterministic() {
        EventEnvelope<?> cause = assigned();
        EventEnvelope<?> sameCauseRebuilt = EventSamples.of(EventType.FTA_ASSIGNED);
        EventEnvelope<EventData> sameCauseReplayed = EventCodec.decode(EventCodec.encode(cause));

        assertThat(cause.derivedId("engagement")).isEqualTo(cause.derivedId("engagement"))
                .isEqualTo(sameCauseRebuilt.derivedId("engagement"))
                .isEqualTo(sameCauseReplayed.derivedId("engagement"));
    }

    /** Pinned: a change of derivation would re-issue every derived event under a new id on replay. */
    @Test
    void derivedIdIsStableAcrossReleases() {
        assertThat(assigned().eventId()).isEqualTo(CAUSE);
        UUID derived = assigned().derivedId("engagement");

        assertThat(derived).isEqualTo(UUID.nameUUIDFromBytes(
                "2b9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e03/engagement".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(derived.version()).isEqualTo(3);
        assertThat(derived).isNotEqualTo(CAUSE);
    }

    @Test
    void derivedIdDiffersPerDiscriminator() {
        EventEnvelope<?> cause = assigned();
        List<String> discriminators = List.of("engagement", "Engagement", "task:T01-kickoff", "task:T02-discovery", "", "sla");
        Set<UUID> ids = new HashSet<>();
        discriminators.forEach(d -> ids.add(cause.derivedId(d)));

        assertThat(ids).hasSize(discriminators.size()).doesNotContain(cause.eventId());
    }

    @Test
    void derivedIdDiffersPerCause() {
        assertThat(EventSamples.of(EventType.FTA_ASSIGNED).derivedId("engagement"))
                .isNotEqualTo(EventSamples.of(EventType.REQUEST_QUEUED).derivedId("engagement"));
    }

    @Test
    void ofTakesTypeVersionAndSubjectFromThePayload() {
        UsageReported usage = (UsageReported) EventSamples.of(EventType.USAGE_REPORTED).data();
        Instant at = Instant.parse("2026-04-01T02:00:00Z");

        EventEnvelope<UsageReported> envelope = EventEnvelope.of(at, "usage-import", null, null, usage);

        assertThat(envelope.type()).isEqualTo("UsageReported");
        assertThat(envelope.version()).isEqualTo(EventType.USAGE_REPORTED.version());
        assertThat(envelope.subject()).isEqualTo(EventSamples.TENANT);
        assertThat(envelope.eventType()).isEqualTo(EventType.USAGE_REPORTED);
        assertThat(envelope.eventId()).isNotEqualTo(EventEnvelope.of(at, "usage-import", null, null, usage).eventId());
    }

    @Test
    void dataAsRefusesAnotherPayloadType() {
        EventEnvelope<?> envelope = assigned();

        assertThat(envelope.dataAs(FtaAssigned.class).requestId()).isEqualTo(EventSamples.REQUEST_ID);
        assertThatThrownBy(() -> envelope.dataAs(RequestQueued.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("FtaAssigned")
                .hasMessageContaining("RequestQueued");
    }

    @Test
    void theEnvelopeRefusesMissingMandatoryFields() {
        EventEnvelope<?> e = assigned();

        assertThatThrownBy(() -> new EventEnvelope<>(null, e.type(), e.version(), e.occurredAt(), e.source(), e.subject(),
                null, null, e.data())).isInstanceOf(NullPointerException.class).hasMessage("eventId");
        assertThatThrownBy(() -> new EventEnvelope<>(e.eventId(), e.type(), e.version(), e.occurredAt(), e.source(), null,
                null, null, e.data())).isInstanceOf(NullPointerException.class).hasMessage("subject");
    }

    @Test
    void theRegistryResolvesEveryTypeByWireNameAndByClass() {
        for (EventType type : EventType.values()) {
            assertThat(EventType.of(type.wireName(), type.version())).isEqualTo(type);
            assertThat(EventType.of(type.dataClass())).isEqualTo(type);
            assertThat(type.wireName()).isEqualTo(type.dataClass().getSimpleName());
        }
        assertThatThrownBy(() -> EventType.of(String.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String");
    }
}
