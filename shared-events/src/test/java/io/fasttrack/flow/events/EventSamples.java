package io.fasttrack.flow.events;

import io.fasttrack.flow.events.model.ArchitectProfile;
import io.fasttrack.flow.events.model.ArchitectRef;
import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.Attachment;
import io.fasttrack.flow.events.model.AttachmentKind;
import io.fasttrack.flow.events.model.CandidateEvaluation;
import io.fasttrack.flow.events.model.EscalationSeverity;
import io.fasttrack.flow.events.model.Contact;
import io.fasttrack.flow.events.model.Customer;
import io.fasttrack.flow.events.model.ExclusionCount;
import io.fasttrack.flow.events.model.FtopTask;
import io.fasttrack.flow.events.model.HealthDriver;
import io.fasttrack.flow.events.model.InquiryDetails;
import io.fasttrack.flow.events.model.InquiryTopic;
import io.fasttrack.flow.events.model.MigrationDetails;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestFamily;
import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestSnapshot;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.ReviewDecision;
import io.fasttrack.flow.events.model.RiskAlertKind;
import io.fasttrack.flow.events.model.Segment;
import io.fasttrack.flow.events.model.Workload;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One realistic envelope per {@link EventType}. Together the samples set every field of every payload at least
 * once (so schema and round-trip tests see every field on the wire), and leave some optional ones null (so
 * they see them omitted). The switch over {@link EventType} has no default: a new event type does
 * not compile until it has a sample here.

 */
public final class EventSamples {

    public static final String TENANT = "7c1e2f8a-4b6d-4e0f-9a1b-2c3d4e5f6a7b";
    public static final String REQUEST_ID = "REQ-2026-000123";
    public static final String ENGAGEMENT_ID = "ENG-2026-000045";
    public static final String ARCHITECT_ID = "fta-ana.silva";
    public static final String PLACEHOLDER_ID = "placeholder-3f1a9c2e-7b4d-3e6f-8a1b-9c2d3e4f5a6b";

    private static final Customer CUSTOMER = new Customer(TENANT, "Contoso Pharmaceuticals", Segment.S500, false);
    private static final Contact REQUESTOR = new Contact("Mara Jensen", "mara.jensen@contoso.example");
    private static final ArchitectRef ARCHITECT = new ArchitectRef(ARCHITECT_ID, "Ana Silva", ArchitectRole.ALIGNMENT_FTA,
            Region.EMEA, "tm-lukas.weber");
    private static final Instant SUBMITTED_AT = Instant.parse("2026-03-02T09:15:30.250Z");

    private EventSamples() {
    }

    /** A fresh map, one sample per event type, in {@link EventType} order. */
    public static Map<EventType, EventEnvelope<?>> all() {
        Map<EventType, EventEnvelope<?>> samples = new EnumMap<>(EventType.class);
        Arrays.stream(EventType.values()).forEach(type -> samples.put(type, of(type)));
        return samples;
    }

    public static EventEnvelope<?> of(EventType type) {
        return switch (type) {
            case REQUEST_SUBMITTED -> envelope("0b9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e01", "intake-service", REQUEST_ID, null,
                    requestSubmitted());
            case REQUEST_QUEUED -> envelope("1b9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e02", "assignment-service", REQUEST_ID,
                    "0b9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e01",
                    new RequestQueued(REQUEST_ID, TENANT, RequestQueue.FTA, ArchitectRole.ALIGNMENT_FTA, 3,
                            Instant.parse("2026-03-04T09:15:30.250Z"), Instant.parse("2026-03-02T09:15:31.004Z"),
                            "NO_CAPACITY: every eligible architect is at capacity",
                            List.of(new CandidateEvaluation(ARCHITECT_ID, "NO_CAPACITY", true, true, 2, null, 7,
                                            Instant.parse("2026-02-27T14:00:00Z")),
                                    new CandidateEvaluation("fta-raj.patel", "AWAY", null, null, null, null, null, null)),
                            List.of(new ExclusionCount("AWAY", 1), new ExclusionCount("NO_CAPACITY", 1))));
            case REQUEST_STALLED -> envelope("eb9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e0f", "intake-service", REQUEST_ID,
                    "0b9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e01",
                    new RequestStalled(REQUEST_ID, TENANT, "SUBMITTED", SUBMITTED_AT, Instant.parse("2026-03-02T09:20:30.250Z")));
            case FTA_ASSIGNED -> envelope("2b9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e03", "assignment-service", REQUEST_ID,
                    "0b9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e01",
                    new FtaAssigned(REQUEST_ID, TENANT, ARCHITECT, requestSubmitted().snapshot(), 3,
                            Instant.parse("2026-03-04T09:15:30.250Z"), Instant.parse("2026-03-02T09:15:31.004Z"),
                            "CONTINUITY",
                            List.of(new CandidateEvaluation(ARCHITECT_ID, null, true, true, 2, new BigDecimal("0.75"), 4,
                                            Instant.parse("2026-02-27T14:00:00Z")),
                                    new CandidateEvaluation("fta-raj.patel", null, false, false, 1, new BigDecimal("0.5"), 2,
                                            Instant.parse("2026-02-20T08:30:00Z"))),
                            "fta-raj.patel", List.of(new ExclusionCount("ROLE", 3)), "tm-lukas.weber",
                            "Raj is away from Monday; Ana knows the customer"));
            case ASSIGNMENT_SLA_BREACHED -> envelope("3b9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e04", "assignment-service", REQUEST_ID,
                    "1b9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e02",
                    new AssignmentSlaBreached(REQUEST_ID, TENANT, RequestQueue.FTA, ArchitectRole.ALIGNMENT_FTA,
                            "tm-lukas.weber", Instant.parse("2026-03-04T09:15:30.250Z"),
                            Instant.parse("2026-03-04T09:16:00Z"), Region.EMEA));
            case ASSIGNMENT_SLA_AT_RISK -> envelope("fb9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e10", "assignment-service", REQUEST_ID,
                    "1b9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e02",
                    new AssignmentSlaAtRisk(REQUEST_ID, TENANT, RequestQueue.FTA, ArchitectRole.ALIGNMENT_FTA, Region.EMEA,
                            "tm-lukas.weber", Instant.parse("2026-03-04T09:15:30.250Z"), new BigDecimal("0.75"),
                            new BigDecimal("4.00"), Instant.parse("2026-03-03T21:15:30.250Z")));
            case ARCHITECT_REGISTERED -> envelope("4b9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e05", "assignment-service", null, null,
                    new ArchitectRegistered(architectProfile(8, null, null)));
            case ARCHITECT_UPDATED -> envelope("5b9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e06", "assignment-service", null,
                    "4b9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e05",
                    new ArchitectUpdated(architectProfile(6, LocalDate.parse("2026-04-06"), LocalDate.parse("2026-04-17"))));
            case ENGAGEMENT_OPENED -> envelope("6b9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e07", "engagement-service", REQUEST_ID,
                    "2b9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e03",
                    new EngagementOpened(ENGAGEMENT_ID, REQUEST_ID, TENANT, ARCHITECT, RequestType.DISCOVERY_WORKSHOP,
                            RequestQueue.FTA,
                            List.of(new FtopTask("T01-kickoff", "Kick-off call with the customer", true),
                                    new FtopTask("T02-discovery", "Discovery workshop", true),
                                    new FtopTask("T03-newsletter", "Send the FastTrack newsletter", false)),
                            Instant.parse("2026-03-02T09:15:32Z")));
            case ENGAGEMENT_REASSIGNED -> envelope("7b9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e08", "engagement-service", REQUEST_ID,
                    "2b9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e03",
                    new EngagementReassigned(ENGAGEMENT_ID, REQUEST_ID, TENANT, "fta-raj.patel", ARCHITECT,
                            Instant.parse("2026-03-03T11:00:00Z")));
            case TASK_COMPLETED -> envelope("8b9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e09", "engagement-service", REQUEST_ID, null,
                    new TaskCompleted(ENGAGEMENT_ID, REQUEST_ID, TENANT, ARCHITECT_ID,
                            new FtopTask("T01-kickoff", "Kick-off call with the customer", true), ARCHITECT_ID,
                            Instant.parse("2026-03-05T16:45:00Z")));
            case STATUS_NOTE_ADDED -> envelope("9b9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e0a", "engagement-service", REQUEST_ID, null,
                    new StatusNoteAdded(ENGAGEMENT_ID, REQUEST_ID, TENANT, ARCHITECT_ID, "Ana Silva",
                            "Teams rollout blocked on conditional access policy; follow-up booked for 10 March.",
                            Instant.parse("2026-03-06T10:20:00Z")));
            case DIBS_RECORDED -> envelope("ab9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e0b", "engagement-service", REQUEST_ID, null,
                    new DibsRecorded(ENGAGEMENT_ID, REQUEST_ID, TENANT, Workload.TEAMS, LocalDate.parse("2026-06-30"),
                            "Replace on-premises telephony with Teams Phone", "Retire the PBX before its support ends",
                            "CIO office: Mara Jensen", Instant.parse("2026-03-06T10:30:00Z")));
            case TENANT_IDENTIFIED -> envelope("0c9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e11", "intake-service", null, null,
                    new TenantIdentified(PLACEHOLDER_ID, TENANT, "fm-sara.lind", Instant.parse("2026-03-09T08:00:00Z")));
            case REVIEW_DECIDED -> envelope("1c9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e12", "engagement-service", REQUEST_ID, null,
                    new ReviewDecided(ENGAGEMENT_ID, REQUEST_ID, TENANT, ARCHITECT_ID, RequestType.MIGRATION_EXCEPTION,
                            ReviewDecision.APPROVED, List.of("public folders over 100 GB", "third-party archive"),
                            "Approved with a staged cut-over of the public folders.", ARCHITECT_ID,
                            Instant.parse("2026-03-10T14:00:00Z")));
            case STATUS_NOTE_DUE -> envelope("2c9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e13", "engagement-service", REQUEST_ID, null,
                    new StatusNoteDue(ENGAGEMENT_ID, REQUEST_ID, TENANT, ARCHITECT_ID, "tm-lukas.weber",
                            Instant.parse("2026-03-06T10:20:00Z"), Instant.parse("2026-03-20T10:20:00Z"),
                            Instant.parse("2026-03-20T10:21:00Z")));
            case ENGAGEMENT_STALE -> envelope("3c9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e14", "engagement-service", REQUEST_ID, null,
                    new EngagementStale(ENGAGEMENT_ID, REQUEST_ID, TENANT, ARCHITECT_ID, "tm-lukas.weber",
                            Instant.parse("2026-03-06T10:20:00Z"), Instant.parse("2026-04-03T10:20:00Z"),
                            Instant.parse("2026-04-03T10:21:00Z")));
            case ESCALATION_RAISED -> envelope("4c9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e15", "engagement-service", REQUEST_ID, null,
                    new EscalationRaised(ENGAGEMENT_ID, "ESC-2026-000007", REQUEST_ID, TENANT, ARCHITECT_ID,
                            EscalationSeverity.HIGH, "Conditional access blocks the Teams pilot", "csam.lene.berg",
                            ARCHITECT_ID, Instant.parse("2026-03-11T09:00:00Z")));
            case ESCALATION_RESOLVED -> envelope("5c9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e16", "engagement-service", REQUEST_ID,
                    "4c9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e15",
                    new EscalationResolved(ENGAGEMENT_ID, "ESC-2026-000007", REQUEST_ID, TENANT, EscalationSeverity.HIGH,
                            "Policy exception granted for the pilot group", "csam.lene.berg",
                            Instant.parse("2026-03-13T16:30:00Z")));
            case ENGAGEMENT_COMPLETED -> envelope("bb9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e0c", "engagement-service", REQUEST_ID,
                    "8b9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e09",
                    new EngagementCompleted(ENGAGEMENT_ID, REQUEST_ID, TENANT, ARCHITECT_ID,
                            Instant.parse("2026-04-20T15:00:00Z")));
            case USAGE_REPORTED -> envelope("cb9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e0d", "usage-import", null, null,
                    new UsageReported(TENANT, Workload.EXCHANGE, 12_500L, 9_875L, LocalDate.parse("2026-03-31"),
                            LocalDate.parse("2027-01-31"), Instant.parse("2026-04-01T02:00:00Z")));
            case HEALTH_CATEGORY_CHANGED -> envelope("db9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e0e", "health-service", null,
                    "cb9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e0d",
                    new HealthCategoryChanged(TENANT, "AT_RISK", "HEALTHY", "UP", new BigDecimal("0.42"),
                            new BigDecimal("0.79"),
                            List.of(new HealthDriver(Workload.EXCHANGE, new BigDecimal("0.4"), new BigDecimal("0.79")),
                                    new HealthDriver(Workload.TEAMS, new BigDecimal("0.61"), new BigDecimal("0.7"))),
                            LocalDate.parse("2026-03-31"), Instant.parse("2026-04-01T02:00:05Z")));
            case CUSTOMER_OWNER_ASSIGNED -> envelope("6c9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e17", "health-service", null, null,
                    new CustomerOwnerAssigned(TENANT, "fm-sara.lind", "fm-ole.dahl", "tm-lukas.weber",
                            Instant.parse("2026-03-02T12:00:00Z")));
            case CUSTOMER_CONTRACT_RECORDED -> envelope("7c9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e18", "health-service", null, null,
                    new CustomerContractRecorded(TENANT, LocalDate.parse("2027-01-31"), LocalDate.parse("2026-02-01"),
                            "fm-sara.lind", Instant.parse("2026-03-02T12:05:00Z")));
            case RENEWAL_AT_RISK -> envelope("8c9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e19", "health-service", null,
                    "7c9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e18",
                    new RenewalAtRisk(TENANT, LocalDate.parse("2027-01-31"), "AT_RISK", "AT_RISK", "HEALTHY",
                            new BigDecimal("0.52"), Instant.parse("2026-03-02T12:05:01Z")));
            case RISK_ALERT_RAISED -> envelope("9c9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e1a", "health-service", null,
                    "8c9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e19",
                    new RiskAlertRaised("b0e7c1d2-5f3a-3b4c-9d8e-1f2a3b4c5d6e", TENANT, RiskAlertKind.RENEWAL_AT_RISK,
                            "2027-01-31", "forecast AT_RISK at the renewal on 2027-01-31, target HEALTHY",
                            "8c9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e19", Instant.parse("2026-03-02T12:05:02Z")));
            case RISK_ALERT_CLEARED -> envelope("ac9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e1b", "health-service", null,
                    "9c9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e1a",
                    new RiskAlertCleared("b0e7c1d2-5f3a-3b4c-9d8e-1f2a3b4c5d6e", TENANT, RiskAlertKind.RENEWAL_AT_RISK,
                            "2027-01-31", "the forecast at the renewal reaches HEALTHY", "cb9c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e0d",
                            Instant.parse("2026-03-20T02:00:05Z")));
        };
    }

    /** A request with every optional part filled in (funding, migration and inquiry details at once). */
    public static RequestSubmitted requestSubmitted() {
        return new RequestSubmitted(REQUEST_ID, RequestType.DISCOVERY_WORKSHOP, RequestFamily.FUNDING, RequestQueue.FTA,
                CUSTOMER, Region.EMEA, "Europe/Copenhagen", REQUESTOR,
                List.of("ae.karl.holm@partner.example", "csam.lene.berg@partner.example"),
                List.of(Workload.EXCHANGE, Workload.TEAMS, Workload.INTUNE), true, false,
                List.of("FastTrack manager approval 2026-03-01"),
                List.of(new Attachment(AttachmentKind.SOW, "contoso-sow.pdf", "https://files.example/contoso-sow.pdf"),
                        new Attachment(AttachmentKind.STAFFING_PLAN, "staffing.xlsx", "https://files.example/staffing.xlsx")),
                new BigDecimal("25000.5"),
                new MigrationDetails(4200, "Exchange 2016 on-premises", "Datacenter exit by June"),
                new InquiryDetails(InquiryTopic.ELIGIBILITY, "Blocks a 5,000 seat deal", "Enterprise", "Piloting"),
                "Customer is consolidating three tenants before the renewal.", SUBMITTED_AT);
    }

    private static ArchitectProfile architectProfile(int capacity, LocalDate awayFrom, LocalDate awayTo) {
        return new ArchitectProfile(ARCHITECT_ID, "Ana Silva", ArchitectRole.ALIGNMENT_FTA, Region.EMEA, "Europe/Lisbon",
                capacity, List.of(Workload.EXCHANGE, Workload.TEAMS, Workload.SHAREPOINT), "tm-lukas.weber", awayFrom,
                awayTo);
    }

    private static <T extends EventData> EventEnvelope<T> envelope(String eventId, String source, String correlationId,
            String causationId, T data) {
        Instant occurredAt = Instant.parse("2026-03-02T09:15:30.250Z");
        return EventEnvelope.of(UUID.fromString(eventId), occurredAt, source, correlationId, causationId, data);
    }
}
