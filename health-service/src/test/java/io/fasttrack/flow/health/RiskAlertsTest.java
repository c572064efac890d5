package io.fasttrack.flow.health;

import static io.fasttrack.flow.health.HealthApi.ALERTS_TOPIC;
import static io.fasttrack.flow.health.HealthApi.ASSIGNMENTS_TOPIC;
import static io.fasttrack.flow.health.HealthApi.ENGAGEMENTS_TOPIC;
import static io.fasttrack.flow.health.HealthApi.HEALTH_TOPIC;
import static io.fasttrack.flow.health.HealthApi.recordsFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fasttrack.flow.events.AssignmentSlaBreached;
import io.fasttrack.flow.events.CustomerContractRecorded;
import io.fasttrack.flow.events.EngagementCompleted;
import io.fasttrack.flow.events.EngagementStale;
import io.fasttrack.flow.events.EscalationRaised;
import io.fasttrack.flow.events.EscalationResolved;
import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.HealthCategoryChanged;
import io.fasttrack.flow.events.RenewalAtRisk;
import io.fasttrack.flow.events.RiskAlertCleared;
import io.fasttrack.flow.events.RiskAlertRaised;
import io.fasttrack.flow.events.StatusNoteAdded;
import io.fasttrack.flow.events.http.Problem;
import io.fasttrack.flow.events.kafka.EventHeaders;
import io.fasttrack.flow.events.model.ArchitectRef;
import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.Contact;
import io.fasttrack.flow.events.model.Customer;
import io.fasttrack.flow.events.model.EscalationSeverity;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestSnapshot;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.RiskAlertKind;
import io.fasttrack.flow.events.model.Segment;
import io.fasttrack.flow.health.domain.AlertRules;
import io.fasttrack.flow.health.messaging.AlertSweep;
import io.fasttrack.flow.health.messaging.PublishedAlerts;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Each kind of risk alert raised and cleared through the real broker, with the exact events on fasttrack.alerts, the
 * expiry sweep on the settable clock, GET /alerts and its filters, and no event twice.
 */
@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class RiskAlertsTest {

    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final EventStreams streams = new EventStreams();

    @Inject
    TestClock clock;

    @Inject
    AlertSweep sweep;

    @Inject
    PublishedAlerts publishedAlerts;

    @Inject
    EntityManager entityManager;

    @Test
    void aFallIsAnAlertUntilTheCustomerMovesUp() {
        String tenant = "fall-" + UUID.randomUUID();
        EventEnvelope<HealthCategoryChanged> down = publish(HEALTH_TOPIC, changed(tenant, "GROWING", "LOW", "DOWN", AT));
        String alertId = AlertRules.alertId(tenant, RiskAlertKind.CATEGORY_DOWN, "LOW");

        List<EventEnvelope<EventData>> raised = awaitAlerts(tenant, 1);
        assertThat(raised.get(0).eventId()).isEqualTo(down.derivedId("RiskAlertRaised/" + alertId));
        assertThat(raised.get(0).causationId()).isEqualTo(down.eventId().toString());
        assertThat(raised.get(0).data()).isEqualTo(new RiskAlertRaised(alertId, tenant, RiskAlertKind.CATEGORY_DOWN, "LOW",
                "health fell from GROWING to LOW (utilization 0.45 to 0.2) as of 2026-11-20", down.eventId().toString(), AT));
        JsonPath listed = given().get("/alerts?kind=CATEGORY_DOWN&size=200").then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("items.alertId")).contains(alertId);

        EventEnvelope<HealthCategoryChanged> up = publish(HEALTH_TOPIC, changed(tenant, "LOW", "GROWING", "UP", AT.plusSeconds(60)));

        List<EventEnvelope<EventData>> events = awaitAlerts(tenant, 2);
        assertThat(events.get(1).data()).isEqualTo(new RiskAlertCleared(alertId, tenant, RiskAlertKind.CATEGORY_DOWN, "LOW",
                "the category moved up to GROWING", up.eventId().toString(), AT.plusSeconds(60)));
        assertThat(events.get(1).causationId()).isEqualTo(up.eventId().toString());
        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(
                given().get("/alerts?kind=CATEGORY_DOWN&size=200").then().extract().jsonPath().getList("items.alertId"))
                .doesNotContain(alertId));
    }

    @Test
    void aRenewalAtRiskIsClearedByAnotherRenewalDateNotByTheSameOne() {
        String tenant = "renewal-" + UUID.randomUUID();
        LocalDate renewal = LocalDate.of(2027, 1, 15);
        EventEnvelope<RenewalAtRisk> risk = publish(HEALTH_TOPIC, new RenewalAtRisk(tenant, renewal, "GROWING", "LOW", "HEALTHY",
                new BigDecimal("0.25"), AT));
        String alertId = AlertRules.alertId(tenant, RiskAlertKind.RENEWAL_AT_RISK, "2027-01-15");
        assertThat(awaitAlerts(tenant, 1).get(0).data()).isEqualTo(new RiskAlertRaised(alertId, tenant,
                RiskAlertKind.RENEWAL_AT_RISK, "2027-01-15", "renewal on 2027-01-15 forecast LOW (utilization 0.25), below the target HEALTHY",
                risk.eventId().toString(), AT));

        publish(HEALTH_TOPIC, new CustomerContractRecorded(tenant, renewal, null, "manager-1", AT.plusSeconds(10)));
        EventEnvelope<CustomerContractRecorded> moved = publish(HEALTH_TOPIC, new CustomerContractRecorded(tenant,
                LocalDate.of(2027, 6, 30), null, "manager-1", AT.plusSeconds(20)));

        List<EventEnvelope<EventData>> events = awaitAlerts(tenant, 2);
        assertThat(events.get(1).data()).isEqualTo(new RiskAlertCleared(alertId, tenant, RiskAlertKind.RENEWAL_AT_RISK,
                "2027-01-15", "the contract now renews on 2027-06-30", moved.eventId().toString(), AT.plusSeconds(20)));
        assertThat(events).hasSize(2);
    }

    @Test
    void aStaleEngagementIsAnAlertUntilANoteOrItsCompletion() {
        String tenant = "stale-" + UUID.randomUUID();
        EventEnvelope<EngagementStale> noted = publish(ENGAGEMENTS_TOPIC, stale(tenant, "eng-1"));
        EventEnvelope<EngagementStale> completed = publish(ENGAGEMENTS_TOPIC, stale(tenant, "eng-2"));
        String first = AlertRules.alertId(tenant, RiskAlertKind.ENGAGEMENT_STALE, "eng-1");
        String second = AlertRules.alertId(tenant, RiskAlertKind.ENGAGEMENT_STALE, "eng-2");
        assertThat(awaitAlerts(tenant, 2)).extracting(EventEnvelope::data).containsExactly(
                new RiskAlertRaised(first, tenant, RiskAlertKind.ENGAGEMENT_STALE, "eng-1",
                        "engagement eng-1 has had no status note since 2026-10-01T09:00:00Z (stale since 2026-10-29T09:00:00Z)",
                        noted.eventId().toString(), AT),
                new RiskAlertRaised(second, tenant, RiskAlertKind.ENGAGEMENT_STALE, "eng-2",
                        "engagement eng-2 has had no status note since 2026-10-01T09:00:00Z (stale since 2026-10-29T09:00:00Z)",
                        completed.eventId().toString(), AT));

        EventEnvelope<StatusNoteAdded> note = publish(ENGAGEMENTS_TOPIC, new StatusNoteAdded("eng-1", "req-1", tenant, "fta-1",
                "fta-1", "back on track", AT.plusSeconds(30)));
        EventEnvelope<EngagementCompleted> done = publish(ENGAGEMENTS_TOPIC, new EngagementCompleted("eng-2", "req-2", tenant,
                "fta-1", AT.plusSeconds(40)));

        assertThat(awaitAlerts(tenant, 4)).extracting(EventEnvelope::data).endsWith(
                new RiskAlertCleared(first, tenant, RiskAlertKind.ENGAGEMENT_STALE, "eng-1", "a status note was added",
                        note.eventId().toString(), AT.plusSeconds(30)),
                new RiskAlertCleared(second, tenant, RiskAlertKind.ENGAGEMENT_STALE, "eng-2", "the engagement was completed",
                        done.eventId().toString(), AT.plusSeconds(40)));
    }

    @Test
    void onlyAHighOrCriticalEscalationIsAnAlertUntilItIsResolved() {
        String tenant = "escalation-" + UUID.randomUUID();
        publish(ENGAGEMENTS_TOPIC, escalation(tenant, "esc-low", EscalationSeverity.MEDIUM));
        EventEnvelope<EscalationRaised> high = publish(ENGAGEMENTS_TOPIC, escalation(tenant, "esc-high", EscalationSeverity.CRITICAL));
        String alertId = AlertRules.alertId(tenant, RiskAlertKind.ESCALATION, "esc-high");
        assertThat(awaitAlerts(tenant, 1)).extracting(EventEnvelope::data).containsExactly(new RiskAlertRaised(alertId, tenant,
                RiskAlertKind.ESCALATION, "esc-high", "CRITICAL escalation esc-high on engagement eng-1",
                high.eventId().toString(), AT));

        publish(ENGAGEMENTS_TOPIC, resolved(tenant, "esc-low", EscalationSeverity.MEDIUM));
        EventEnvelope<EscalationResolved> resolved = publish(ENGAGEMENTS_TOPIC, resolved(tenant, "esc-high", EscalationSeverity.CRITICAL));

        List<EventEnvelope<EventData>> events = awaitAlerts(tenant, 2);
        assertThat(events.get(1).data()).isEqualTo(new RiskAlertCleared(alertId, tenant, RiskAlertKind.ESCALATION, "esc-high",
                "the escalation was resolved", resolved.eventId().toString(), AT.plusSeconds(90)));
        assertThat(events).hasSize(2);
    }

    @Test
    void anSlaBreachIsAnAlertUntilTheRequestIsAssigned() {
        String tenant = "sla-" + UUID.randomUUID();
        EventEnvelope<AssignmentSlaBreached> breached = publish(ASSIGNMENTS_TOPIC, new AssignmentSlaBreached("req-" + tenant,
                tenant, RequestQueue.FTA, ArchitectRole.ALIGNMENT_FTA, "tm-1", AT.minusSeconds(3600), AT, Region.EMEA));
        String alertId = AlertRules.alertId(tenant, RiskAlertKind.SLA_BREACH, "req-" + tenant);
        assertThat(awaitAlerts(tenant, 1)).extracting(EventEnvelope::data).containsExactly(new RiskAlertRaised(alertId, tenant,
                RiskAlertKind.SLA_BREACH, "req-" + tenant, "request req-" + tenant
                        + " (FTA queue) was not assigned by its SLA deadline 2026-11-20T09:00:00Z",
                breached.eventId().toString(), AT));

        EventEnvelope<FtaAssigned> assigned = publish(ASSIGNMENTS_TOPIC, assignment(tenant, "req-" + tenant, Region.EMEA,
                "tm-1", AT.plusSeconds(120)));

        assertThat(awaitAlerts(tenant, 2).get(1).data()).isEqualTo(new RiskAlertCleared(alertId, tenant,
                RiskAlertKind.SLA_BREACH, "req-" + tenant, "the request was assigned", assigned.eventId().toString(),
                AT.plusSeconds(120)));
    }

    @Test
    void aRedeliveryARaiseOfAnOpenAlertAndAClearOfNoneChangeNothing() {
        String tenant = "once-" + UUID.randomUUID();
        EventEnvelope<EngagementStale> first = stale(tenant, "eng-1");
        publish(ENGAGEMENTS_TOPIC, first);
        awaitAlerts(tenant, 1);
        // the same event again, the same engagement stale again under a new id, a note on an engagement never stale
        streams.publish(ENGAGEMENTS_TOPIC, first);
        publish(ENGAGEMENTS_TOPIC, stale(tenant, "eng-1"));
        publish(ENGAGEMENTS_TOPIC, new StatusNoteAdded("eng-9", "req-9", tenant, "fta-1", "fta-1", "fine", AT));
        // behind them, an event that does raise: once it is on the topic, the consumer went past the others
        publish(ENGAGEMENTS_TOPIC, stale(tenant, "eng-fence"));

        List<EventEnvelope<EventData>> events = awaitAlerts(tenant, 2);
        assertThat(events).extracting(event -> ((RiskAlertRaised) event.data()).concern()).containsExactly("eng-1", "eng-fence");
        assertThat(events).extracting(EventEnvelope::eventId).doesNotHaveDuplicates();
        assertThat(recordsFor(ALERTS_TOPIC, tenant)).hasSize(2);
    }

    @Test
    void aRebuildFromTheTopicsRestoresTheAlertsAndPublishesNothingAgain() {
        String tenant = "rebuild-" + UUID.randomUUID();
        publish(ENGAGEMENTS_TOPIC, stale(tenant, "eng-1"));
        publish(ENGAGEMENTS_TOPIC, stale(tenant, "eng-2"));
        publish(ENGAGEMENTS_TOPIC, new StatusNoteAdded("eng-1", "req-1", tenant, "fta-1", "fta-1", "on track", AT.plusSeconds(30)));
        awaitAlerts(tenant, 3);
        String open = AlertRules.alertId(tenant, RiskAlertKind.ENGAGEMENT_STALE, "eng-2");
        List<ConsumerRecord<String, byte[]>> causes = recordsFor(ENGAGEMENTS_TOPIC, tenant);
        List<UUID> causeIds = causes.stream().map(record -> EventCodec.decode(record.value()).eventId()).toList();

        // the customer's alerts as an empty database has them; the alerts topic read as a rebuild's start reads it
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("delete from risk_alert where tenant_id = ?1").setParameter(1, tenant).executeUpdate();
            entityManager.createNativeQuery("delete from alert_applied_event where event_id in (?1)").setParameter(1, causeIds)
                    .executeUpdate();
        });
        assertThat(openAlertIds()).doesNotContain(open);
        publishedAlerts.recordHistory();
        causes.forEach(record -> streams.publishRaw(ENGAGEMENTS_TOPIC, tenant, EventStreams.value(record)));

        Awaitility.await().atMost(WAIT).until(() -> appliedAmong(causeIds) == causeIds.size());
        assertThat(openAlertIds()).contains(open).doesNotContain(AlertRules.alertId(tenant, RiskAlertKind.ENGAGEMENT_STALE, "eng-1"));
        assertThat(recordsFor(ALERTS_TOPIC, tenant)).hasSize(3);
    }

    @Test
    void alertsWhoseTimeIsUpAreClearedByTheSweep() {
        String fallen = "window-" + UUID.randomUUID();
        String renewing = "renewed-" + UUID.randomUUID();
        publish(HEALTH_TOPIC, changed(fallen, "HEALTHY", "GROWING", "DOWN", AT));
        publish(HEALTH_TOPIC, new RenewalAtRisk(renewing, LocalDate.of(2026, 12, 1), "LOW", "LOW", "HEALTHY",
                new BigDecimal("0.1"), AT));
        RiskAlertRaised fall = (RiskAlertRaised) awaitAlerts(fallen, 1).get(0).data();
        RiskAlertRaised renewal = (RiskAlertRaised) awaitAlerts(renewing, 1).get(0).data();

        // a day before the renewal passed and the window ended: nothing is due
        clock.set(Instant.parse("2026-12-01T10:00:00Z"));
        try {
            sweep.sweep();
            assertThat(recordsFor(ALERTS_TOPIC, fallen)).hasSize(1);
            assertThat(recordsFor(ALERTS_TOPIC, renewing)).hasSize(1);

            clock.set(AT.plus(Duration.ofDays(30)));
            sweep.sweep();
        } finally {
            clock.set(TestClock.START);
        }

        assertThat(awaitAlerts(fallen, 2).get(1).data()).isEqualTo(new RiskAlertCleared(fall.alertId(), fallen,
                RiskAlertKind.CATEGORY_DOWN, "GROWING", "the fall is older than 30 days", null, AT.plus(Duration.ofDays(30))));
        assertThat(awaitAlerts(renewing, 2).get(1).data()).isEqualTo(new RiskAlertCleared(renewal.alertId(), renewing,
                RiskAlertKind.RENEWAL_AT_RISK, "2026-12-01", "the renewal date has passed", null,
                Instant.parse("2026-12-02T00:00:00Z")));
        sweep.sweep();
        assertThat(recordsFor(ALERTS_TOPIC, fallen)).hasSize(2);
    }

    @Test
    void aFallAlreadyOlderThanTheWindowRaisesNothing() {
        String tenant = "old-fall-" + UUID.randomUUID();
        publish(HEALTH_TOPIC, changed(tenant, "HEALTHY", "GROWING", "DOWN", AT.minus(Duration.ofDays(40))));
        publish(HEALTH_TOPIC, changed(tenant, "GROWING", "LOW", "DOWN", AT));

        assertThat(awaitAlerts(tenant, 1)).extracting(event -> ((RiskAlertRaised) event.data()).concern()).containsExactly("LOW");
    }

    @Test
    void theAlertsNarrowByOwnersRegionAndKindNewestFirst() {
        String suffix = UUID.randomUUID().toString();
        String emea = "emea-" + suffix;
        String apac = "apac-" + suffix;
        publish(ASSIGNMENTS_TOPIC, assignment(emea, "req-e-" + suffix, Region.EMEA, "tm-e-" + suffix, AT.minusSeconds(600)));
        publish(ASSIGNMENTS_TOPIC, assignment(apac, "req-a-" + suffix, Region.APAC, "tm-a-" + suffix, AT.minusSeconds(600)));
        // the FastTrack Manager comes from CustomerOwnerAssigned, which another projection applies: the row as it leaves it
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("insert into customer_account"
                + " (tenant_id, fast_track_manager, updated_at) values (?1, ?2, ?3)")
                .setParameter(1, emea).setParameter(2, "ftm-" + suffix).setParameter(3, AT).executeUpdate());
        Awaitility.await().atMost(WAIT).until(() -> owners(emea, apac) == 2);
        publish(ENGAGEMENTS_TOPIC, stale(emea, "eng-old"));
        publish(ENGAGEMENTS_TOPIC, escalationAt(emea, "esc-new", AT.plusSeconds(300)));
        publish(HEALTH_TOPIC, changed(apac, "GROWING", "LOW", "DOWN", AT.plusSeconds(100)));
        awaitAlerts(emea, 2);
        awaitAlerts(apac, 1);
        String staleAlert = AlertRules.alertId(emea, RiskAlertKind.ENGAGEMENT_STALE, "eng-old");
        String escalationAlert = AlertRules.alertId(emea, RiskAlertKind.ESCALATION, "esc-new");
        String fallAlert = AlertRules.alertId(apac, RiskAlertKind.CATEGORY_DOWN, "LOW");

        JsonPath byTeam = Awaitility.await().atMost(WAIT).until(() -> alerts("teamManager=tm-e-" + suffix),
                page -> page.getInt("total") == 2);
        assertThat(byTeam.getList("items.alertId")).containsExactly(escalationAlert, staleAlert);
        assertThat(byTeam.getMap("items[0]")).isEqualTo(Map.of("alertId", escalationAlert, "tenantId", emea,
                "kind", "ESCALATION", "concern", "esc-new", "detail", "HIGH escalation esc-new on engagement eng-1",
                "raisedAt", "2026-11-20T10:05:00Z", "region", "EMEA", "teamManager", "tm-e-" + suffix,
                "fastTrackManager", "ftm-" + suffix));
        assertThat(alerts("fastTrackManager=ftm-" + suffix).getList("items.alertId")).containsExactly(escalationAlert, staleAlert);
        assertThat(alerts("fastTrackManager=ftm-" + suffix + "&kind=ENGAGEMENT_STALE").getList("items.alertId"))
                .containsExactly(staleAlert);
        assertThat(alerts("teamManager=tm-a-" + suffix + "&region=APAC").getList("items.alertId")).containsExactly(fallAlert);
        assertThat(alerts("teamManager=tm-a-" + suffix + "&region=EMEA").getInt("total")).isZero();
        JsonPath withoutAccount = alerts("teamManager=tm-a-" + suffix);
        assertThat(withoutAccount.getString("items[0].region")).isEqualTo("APAC");
        assertThat(withoutAccount.getString("items[0].fastTrackManager")).isNull();
        JsonPath secondPage = alerts("teamManager=tm-e-" + suffix + "&size=1&page=1");
        assertThat(secondPage.getList("items.alertId")).containsExactly(staleAlert);
        assertThat(secondPage.getInt("total")).isEqualTo(2);

        given().get("/alerts?kind=LATE&region=MARS&size=0").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("violations.field", equalTo(List.of("kind", "region", "size")));
    }

    private static List<String> openAlertIds() {
        return given().get("/alerts?kind=ENGAGEMENT_STALE&size=200").then().statusCode(200).extract().jsonPath()
                .getList("items.alertId");
    }

    private long appliedAmong(List<UUID> eventIds) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from alert_applied_event where event_id in (?1)").setParameter(1, eventIds)
                .getSingleResult()).longValue());
    }

    private long owners(String... tenants) {
        long found = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from customer_owner where tenant_id in (?1)").setParameter(1, List.of(tenants))
                .getSingleResult()).longValue());
        return found;
    }

    private static JsonPath alerts(String query) {
        return given().get("/alerts?" + query).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the customer's alert events number {@code count}, and gives them in order. */
    private static List<EventEnvelope<EventData>> awaitAlerts(String tenant, int count) {
        List<ConsumerRecord<String, byte[]>> records = Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> recordsFor(ALERTS_TOPIC, tenant), found -> found.size() >= count);
        records.forEach(record -> assertThat(EventStreams.header(record, EventHeaders.SOURCE)).isEqualTo("health-service"));
        return records.stream().map(record -> EventCodec.decode(record.value())).toList();
    }

    private <T extends EventData> EventEnvelope<T> publish(String topic, EventData data) {
        @SuppressWarnings("unchecked")
        EventEnvelope<T> envelope = (EventEnvelope<T>) EventEnvelope.of(AT, "test", null, null, data);
        streams.publish(topic, envelope);
        return envelope;
    }

    private <T extends EventData> EventEnvelope<T> publish(String topic, EventEnvelope<T> envelope) {
        streams.publish(topic, envelope);
        return envelope;
    }

    private static HealthCategoryChanged changed(String tenant, String from, String to, String direction, Instant at) {
        boolean down = "DOWN".equals(direction);
        return new HealthCategoryChanged(tenant, from, to, direction, new BigDecimal(down ? "0.45" : "0.2"),
                new BigDecimal(down ? "0.2" : "0.45"), List.of(), LocalDate.ofInstant(at, java.time.ZoneOffset.UTC), at);
    }

    private static EventEnvelope<EngagementStale> stale(String tenant, String engagementId) {
        return EventEnvelope.of(AT, "test", null, null, new EngagementStale(engagementId, "req-" + engagementId, tenant,
                "fta-1", "tm-1", Instant.parse("2026-10-01T09:00:00Z"), Instant.parse("2026-10-29T09:00:00Z"), AT));
    }

    private static EscalationRaised escalation(String tenant, String escalationId, EscalationSeverity severity) {
        return new EscalationRaised("eng-1", escalationId, "req-1", tenant, "fta-1", severity, "the tenant is locked",
                "Pat Owner", "fta-1", AT);
    }

    private static EscalationRaised escalationAt(String tenant, String escalationId, Instant at) {
        return new EscalationRaised("eng-1", escalationId, "req-1", tenant, "fta-1", EscalationSeverity.HIGH,
                "the tenant is locked", "Pat Owner", "fta-1", at);
    }

    private static EscalationResolved resolved(String tenant, String escalationId, EscalationSeverity severity) {
        return new EscalationResolved("eng-1", escalationId, "req-1", tenant, severity, "unlocked", "fta-1", AT.plusSeconds(90));
    }

    private static FtaAssigned assignment(String tenant, String requestId, Region region, String teamManager, Instant at) {
        ArchitectRef architect = new ArchitectRef("fta-" + tenant, "Ana", ArchitectRole.ALIGNMENT_FTA, region, teamManager);
        RequestSnapshot request = new RequestSnapshot(requestId, RequestType.DISCOVERY_WORKSHOP, RequestQueue.FTA,
                new Customer(tenant, "Customer " + tenant, Segment.S500, false), region, "Europe/Berlin",
                new Contact("Seller", "seller@example.com"), List.of(), List.of(), false, false, null, at);
        return new FtaAssigned(requestId, tenant, architect, request, 1, at.plusSeconds(3600), at, "FIT", List.of(), null,
                null, null, null);
    }
}
