package io.fasttrack.flow.engagement.api;

import io.fasttrack.flow.engagement.domain.ComplianceReport;
import io.fasttrack.flow.engagement.domain.DibsCoverage;
import io.fasttrack.flow.engagement.domain.EngagementStanding;
import io.fasttrack.flow.engagement.domain.StalenessPolicy;
import io.fasttrack.flow.engagement.domain.TaskProgress;
import io.fasttrack.flow.engagement.store.AssignmentHistory;
import io.fasttrack.flow.engagement.store.Dibs;
import io.fasttrack.flow.engagement.store.Engagement;
import io.fasttrack.flow.engagement.store.EngagementTask;
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
    Clock clock;

    public Paging.Page<EngagementViews.Summary> list(String tenantId, String architectId, Boolean stale, Paging paging) {
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
        PanacheQuery<Engagement> query = Engagement.find(where.toString(), Sort.by("openedAt").and("id"), parameters)
                .range(paging.offset(), (int) Math.min(Integer.MAX_VALUE, (long) paging.offset() + paging.size() - 1));
        List<EngagementViews.Summary> items = query.list().stream().map(engagement -> new EngagementViews.Summary(
                engagement.id, engagement.requestId, engagement.tenantId, engagement.architectId, engagement.teamManager,
                engagement.requestType, engagement.status, engagement.openedAt, engagement.lastStatusNoteAt,
                isStale(engagement, now))).toList();
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
                tasks, notes, dibs, holders);
    }

    /** Compliance of every engagement, or of one team manager's engagements. */
    public ComplianceReport compliance(String teamManager) {
        List<Engagement> engagements = teamManager == null ? Engagement.listAll()
                : Engagement.list("teamManager", teamManager);
        List<String> ids = engagements.stream().map(engagement -> engagement.id).toList();
        Map<String, List<TaskProgress>> progress = EngagementTask.ofAll(ids).stream().collect(Collectors.groupingBy(
                task -> task.engagementId,
                Collectors.mapping(task -> new TaskProgress(task.mandatory, task.dueAt, task.completedAt), Collectors.toList())));
        Map<String, Set<Workload>> dibs = Dibs.ofAll(ids).stream().collect(Collectors.groupingBy(d -> d.engagementId,
                Collectors.mapping(d -> Workload.valueOf(d.workload), Collectors.toSet())));
        Instant now = clock.instant();
        List<EngagementStanding> standings = engagements.stream().map(engagement -> {
            List<TaskProgress> tasks = progress.getOrDefault(engagement.id, List.of());
            return new EngagementStanding(engagement.id, engagement.architectId, engagement.teamManager,
                    TaskProgress.allMandatoryDone(tasks), TaskProgress.allMandatoryDoneOnTime(tasks),
                    isStale(engagement, now),
                    DibsCoverage.documented(workloads(engagement), dibs.getOrDefault(engagement.id, Set.of())));
        }).toList();
        return ComplianceReport.of(standings, NO_TEAM_MANAGER);
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
