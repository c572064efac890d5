package io.fasttrack.flow.engagement.api;

import io.fasttrack.flow.engagement.domain.ComplianceReport;
import io.fasttrack.flow.engagement.domain.ReviewPolicy;
import io.fasttrack.flow.engagement.domain.StalenessPolicy;
import io.fasttrack.flow.engagement.store.AssignmentHistory;
import io.fasttrack.flow.engagement.store.ComplianceTally;
import io.fasttrack.flow.engagement.store.Dibs;
import io.fasttrack.flow.engagement.store.Engagement;
import io.fasttrack.flow.engagement.store.EngagementTask;
import io.fasttrack.flow.engagement.store.Escalation;
import io.fasttrack.flow.engagement.store.Review;
import io.fasttrack.flow.engagement.store.ReviewRisk;
import io.fasttrack.flow.engagement.store.StatusNote;
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.kit.api.Paging;
import io.fasttrack.flow.kit.api.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads of the engagement projection; staleness is judged against the clock at the time of reading. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EngagementQueries {

    /** Team of engagements whose architect named no team manager. */
    public static final String NO_TEAM_MANAGER = "(none)";

    @Inject
    StalenessPolicy staleness;

    @Inject
    ReviewPolicy reviews;

    @Inject
    Clock clock;

    public Paging.Page<EngagementViews.Summary> list(String tenantId, String architectId, Boolean stale,
            Boolean escalated, Paging paging) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (tenantId != null) {
            where.append(" and tenantId = :tenantId");
            parameters.and("tenantId", tenantId);
        }
        if (architectId != null) {
            where.append(" and architectId = :architectId");
            parameters.and("architectId", architectId);
        }
        Instant now = clock.instant();
        if (stale != null) {
            where.append(stale ? " and status = :open and lastActivityAt <= :boundary"
                    : " and (status <> :open or lastActivityAt > :boundary)");
            parameters.and("open", Engagement.OPEN).and("boundary", staleness.staleBoundary(now));
        }
        if (escalated != null) {
            where.append(escalated ? " and openEscalations > 0" : " and openEscalations = 0");
        }
        PanacheQuery<Engagement> query = Engagement.find(where.toString(), Sort.by("openedAt").and("id"), parameters)
                .range(paging.offset(), (int) Math.min(Integer.MAX_VALUE, (long) paging.offset() + paging.size() - 1));
        List<EngagementViews.Summary> items = query.list().stream().map(engagement -> new EngagementViews.Summary(
                engagement.id, engagement.requestId, engagement.tenantId, engagement.architectId, engagement.teamManager,
                engagement.requestType, engagement.status, engagement.openedAt, engagement.lastStatusNoteAt,
                isStale(engagement, now), engagement.openEscalations)).toList();
        return paging.of(items, query.count());
    }

    public EngagementViews.Engagement get(String id) {
        Engagement engagement = Engagement.findById(id);
        if (engagement == null) {
            throw ProblemException.notFound("no engagement " + id);
        }
        return view(engagement);
    }

    /** The id of the architect who holds the engagement now; a 404 problem when there is none. */
    public String holder(String id) {
        Engagement engagement = Engagement.findById(id);
        if (engagement == null) {
            throw ProblemException.notFound("no engagement " + id);
        }
        return engagement.architectId;
    }

    public EngagementViews.Engagement view(Engagement engagement) {
        List<EngagementViews.Task> tasks = EngagementTask.of(engagement.id).stream()
                .map(task -> new EngagementViews.Task(task.taskId, task.name, task.mandatory,
                        task.completedAt == null ? "OPEN" : "DONE", task.dueAt, task.completedAt, task.completedBy))
                .toList();
        List<EngagementViews.StatusNote> notes = StatusNote.of(engagement.id).stream()
                .map(note -> new EngagementViews.StatusNote(note.author, note.note, note.addedAt)).toList();
        List<EngagementViews.Dibs> dibs = Dibs.of(engagement.id).stream()
                .map(d -> new EngagementViews.Dibs(d.workload, d.targetDate, d.intent, d.businessReason, d.successOwner,
                        d.recordedAt))
                .toList();
        List<EngagementViews.Holder> holders = AssignmentHistory.of(engagement.id).stream()
                .map(h -> new EngagementViews.Holder(h.architectId, h.architectName, h.teamManager, h.reassignedFrom,
                        h.assignedAt))
                .toList();
        return new EngagementViews.Engagement(engagement.id, engagement.requestId, engagement.tenantId,
                engagement.architectId, engagement.architectName, engagement.teamManager, engagement.requestType,
                engagement.requestQueue, workloads(engagement).stream().map(Workload::name).toList(), engagement.status,
                engagement.openedAt, engagement.completedAt, engagement.lastStatusNoteAt, isStale(engagement, clock.instant()),
                tasks, notes, dibs, holders, reviews.required(engagement.type()), reviews(engagement.id),
                Escalation.of(engagement.id).stream().map(EngagementQueries::view).toList());
    }

    /** One escalation of the engagement; a 404 problem when the engagement has no such escalation. */
    public EngagementViews.Escalation escalation(String engagementId, String escalationId) {
        Escalation escalation = Escalation.findById(Escalation.idOf(engagementId, escalationId));
        if (escalation == null) {
            throw ProblemException.notFound("engagement " + engagementId + " has no escalation " + escalationId);
        }
        return view(escalation);
    }

    private static List<EngagementViews.Review> reviews(String engagementId) {
        List<Review> recorded = Review.of(engagementId);
        Map<UUID, List<String>> risks = ReviewRisk.ofAll(recorded.stream().map(review -> review.eventId).toList())
                .stream().collect(Collectors.groupingBy(risk -> risk.reviewEventId,
                        Collectors.mapping(risk -> risk.risk, Collectors.toList())));
        return recorded.stream().map(review -> new EngagementViews.Review(review.decision,
                risks.getOrDefault(review.eventId, List.of()), review.note, review.decidedBy, review.decidedAt)).toList();
    }

    private static EngagementViews.Escalation view(Escalation escalation) {
        return new EngagementViews.Escalation(escalation.escalationId, escalation.engagementId, escalation.severity,
                escalation.resolved() ? "RESOLVED" : "OPEN", escalation.blocker, escalation.owner, escalation.raisedBy,
                escalation.raisedAt, escalation.resolution, escalation.resolvedBy, escalation.resolvedAt);
    }

    /**
     * Compliance as of {@code now} of every engagement, or of one team manager's, opened in [{@code openedFrom},
     * {@code openedBefore}) where given; counted in the database.
     */
    public ComplianceReport compliance(String teamManager, Instant openedFrom, Instant openedBefore, Instant now) {
        return ComplianceReport.of(ComplianceTally.perArchitect(teamManager, openedFrom, openedBefore, now,
                staleness.staleBoundary(now)), NO_TEAM_MANAGER);
    }

    private boolean isStale(Engagement engagement, Instant now) {
        return staleness.isStale(engagement.lastActivityAt, engagement.completed(), now);
    }

    private static Set<Workload> workloads(Engagement engagement) {
        if (engagement.workloads == null || engagement.workloads.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(engagement.workloads.split(",")).map(Workload::valueOf).collect(Collectors.toSet());
    }
}
