package io.fasttrack.flow.intake;

import io.fasttrack.flow.events.AssignmentSlaAtRisk;
import io.fasttrack.flow.events.AssignmentSlaBreached;
import io.fasttrack.flow.events.EngagementCompleted;
import io.fasttrack.flow.events.EngagementOpened;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.RequestQueued;
import io.fasttrack.flow.events.RequestStalled;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.events.ReviewDecided;
import io.fasttrack.flow.events.TenantIdentified;
import io.fasttrack.flow.events.model.ArchitectRef;
import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.Contact;
import io.fasttrack.flow.events.model.Customer;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestFamily;
import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestSnapshot;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.ReviewDecision;
import io.fasttrack.flow.events.model.Segment;
import io.fasttrack.flow.events.model.Workload;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Events of the other services about one request, as they would publish them. */
public final class SampleEvents {

    public static final Instant SLA = Instant.parse("2026-11-26T16:00:00Z");

    private SampleEvents() {
    }

    public static <D extends EventData> EventEnvelope<D> envelope(String requestId, D data) {
        return EventEnvelope.of(Instant.now().truncatedTo(ChronoUnit.MILLIS), "assignment-service", requestId, null, data);
    }

    public static RequestQueued queued(String id, String tenant) {
        return new RequestQueued(id, tenant, RequestQueue.FTA, ArchitectRole.ALIGNMENT_FTA, 3, SLA, Instant.now(),
                "nobody has capacity", List.of(), null);
    }

    public static FtaAssigned assigned(String id, String tenant, String architectId, String name, String from) {
        return new FtaAssigned(id, tenant, architect(architectId, name), snapshot(id, tenant), 3, SLA, Instant.now(),
                from == null ? "BALANCE" : "MANAGER", List.of(), from, null, null, null);
    }

    public static AssignmentSlaAtRisk slaAtRisk(String id, String tenant) {
        return new AssignmentSlaAtRisk(id, tenant, RequestQueue.FTA, ArchitectRole.ALIGNMENT_FTA, Region.EMEA, "tm-1", SLA,
                new BigDecimal("0.75"), new BigDecimal("4.00"), Instant.now());
    }

    public static AssignmentSlaBreached slaBreached(String id, String tenant) {
        return new AssignmentSlaBreached(id, tenant, RequestQueue.FTA, ArchitectRole.ALIGNMENT_FTA, "tm-1", SLA,
                SLA.plusSeconds(1), Region.EMEA);
    }

    /** As intake's stall sweep reports it: the request stayed at {@code step} since {@code since}. */
    public static RequestStalled stalled(String id, String tenant, String step, Instant since) {
        return new RequestStalled(id, tenant, step, since, Instant.now());
    }

    public static EngagementOpened opened(String engagementId, String id, String tenant, String architectId, String name) {
        return new EngagementOpened(engagementId, id, tenant, architect(architectId, name), RequestType.DISCOVERY_WORKSHOP,
                RequestQueue.FTA, List.of(), Instant.now());
    }

    public static EngagementCompleted completed(String engagementId, String id, String tenant, String architectId) {
        return new EngagementCompleted(engagementId, id, tenant, architectId, Instant.now());
    }

    /** The architect's review of the request, as engagement publishes it. */
    public static ReviewDecided reviewed(String id, String tenant, ReviewDecision decision, List<String> risks, String note,
            Instant decidedAt) {
        return new ReviewDecided("eng-" + id, id, tenant, "fta-ana", RequestType.MIGRATION_EXCEPTION, decision, risks, note,
                "fta-ana", decidedAt);
    }

    public static TenantIdentified identified(String placeholderId, String tenantId) {
        return new TenantIdentified(placeholderId, tenantId, "a-manager", Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /** A request under a placeholder tenant, as intake publishes one submitted without a tenant id. */
    public static RequestSubmitted submittedForPlaceholder(String id, String placeholderId) {
        RequestSubmitted submitted = submitted(id, placeholderId);
        return new RequestSubmitted(id, submitted.type(), submitted.family(), submitted.queue(),
                new Customer(placeholderId, "Contoso", Segment.S500, true), submitted.region(), submitted.timeZone(),
                submitted.requestor(), submitted.accountTeam(), submitted.workloads(), submitted.getModern(),
                submitted.engageBeforeLicensePurchase(), submitted.approvals(), submitted.attachments(),
                submitted.fundingAmountUsd(), submitted.migration(), submitted.inquiry(), submitted.justification(),
                submitted.submittedAt());
    }

    public static ArchitectRef architect(String id, String name) {
        return new ArchitectRef(id, name, ArchitectRole.ALIGNMENT_FTA, Region.EMEA, "tm-1");
    }

    public static RequestSubmitted submitted(String id, String tenant) {
        return new RequestSubmitted(id, RequestType.DISCOVERY_WORKSHOP, RequestFamily.FUNDING, RequestQueue.FTA,
                new Customer(tenant, "Contoso", Segment.S500, false), Region.EMEA, "Europe/Berlin",
                new Contact("Requesting Seller", "seller@example.com"), List.of("atu@example.com"),
                List.of(Workload.EXCHANGE), false, false, List.of(), List.of(), null, null, null, null,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private static RequestSnapshot snapshot(String id, String tenant) {
        return new RequestSnapshot(id, RequestType.DISCOVERY_WORKSHOP, RequestQueue.FTA,
                new Customer(tenant, "Contoso", Segment.S500, false), Region.EMEA, "Europe/Berlin",
                new Contact("Requesting Seller", "seller@example.com"), List.of("atu@example.com"),
                List.of(Workload.EXCHANGE), false, false, null, Instant.now());
    }
}
