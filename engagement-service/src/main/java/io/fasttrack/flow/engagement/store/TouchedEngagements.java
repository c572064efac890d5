package io.fasttrack.flow.engagement.store;

import io.fasttrack.flow.engagement.domain.TaskCatalogue;
import io.fasttrack.flow.events.DibsRecorded;
import io.fasttrack.flow.events.EngagementCompleted;
import io.fasttrack.flow.events.EngagementOpened;
import io.fasttrack.flow.events.EngagementReassigned;
import io.fasttrack.flow.events.EngagementStale;
import io.fasttrack.flow.events.EscalationRaised;
import io.fasttrack.flow.events.EscalationResolved;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.ReviewDecided;
import io.fasttrack.flow.events.StatusNoteAdded;
import io.fasttrack.flow.events.StatusNoteDue;
import io.fasttrack.flow.events.TaskCompleted;
import io.fasttrack.flow.events.model.FtopTask;
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.kit.messaging.TransientFailure;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The engagements one batch of events touches, held in memory while the batch applies. They are read with one
 * query per table (the engagements locked, so the writers of one engagement queue up), changed event by event in
 * order, and written once at the end: new rows inserted with every field set, changed rows updated once, in JDBC
 * batches. Both consumers and the REST writes apply their events here, so a replay builds what the writes built.
 */
public final class TouchedEngagements {

    private static final Logger LOG = Logger.getLogger(TouchedEngagements.class);
    /**
     * SQLSTATEs of a write that met rows another transaction wrote at the same time: a unique key (23505) or, in
     * H2, a concurrent update (90131). Rows are inserted only when none was read, so this happens only when another
     * writer of the same engagement (an own event read back before its writer committed, or two consumers racing
     * in a rebuild) got there first; once it committed, applying the batch again finds its events applied.
     */
    private static final Set<String> CONCURRENT_WRITE_STATES = Set.of("23505", "90131");

    private final TaskCatalogue catalogue;
    /** Ids of the engagements read from the database (the others of the batch do not exist yet). */
    private final Set<String> stored = new HashSet<>();
    private final Map<String, Engagement> engagements = new HashMap<>();
    /** The tasks, in position order, of each engagement whose tasks were read or that opened in this batch. */
    private final Map<String, List<EngagementTask>> tasks = new HashMap<>();
    /** Ids of the engagements whose DIBS were read or that opened in this batch, and those DIBS by id. */
    private final Set<String> dibsKnown = new HashSet<>();
    private final Map<String, Dibs> dibs = new HashMap<>();
    /** Ids of the engagements whose escalations were read or that opened in this batch, and those escalations by id. */
    private final Set<String> escalationsKnown = new HashSet<>();
    private final Map<String, Escalation> escalations = new HashMap<>();
    private final List<Engagement> newEngagements = new ArrayList<>();
    private final List<EngagementTask> newTasks = new ArrayList<>();
    private final List<AssignmentHistory> newHolders = new ArrayList<>();
    private final List<StatusNote> newNotes = new ArrayList<>();
    private final List<Dibs> newDibs = new ArrayList<>();
    private final List<Review> newReviews = new ArrayList<>();
    private final List<ReviewRisk> newRisks = new ArrayList<>();
    private final List<Escalation> newEscalations = new ArrayList<>();

    TouchedEngagements(TaskCatalogue catalogue, Collection<String> engagementIds) {
        this.catalogue = catalogue;
        // in id order: writers that lock several engagements take the locks in one order, so they cannot deadlock
        List<String> ids = engagementIds.stream().distinct().sorted().toList();
        if (!ids.isEmpty()) {
            Engagement.<Engagement>find("id in ?1 order by id", ids).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                    .forEach(engagement -> {
                        engagements.put(engagement.id, engagement);
                        stored.add(engagement.id);
                    });
        }
    }

    /** Reads the tasks of those engagements that exist, with one query; before any event is applied. */
    public void readTasksOf(Collection<String> engagementIds) {
        List<String> ids = engagementIds.stream().distinct().filter(stored::contains).filter(id -> !tasks.containsKey(id))
                .toList();
        if (ids.isEmpty()) {
            return;
        }
        ids.forEach(id -> tasks.put(id, new ArrayList<>()));
        EngagementTask.ofAll(ids).forEach(task -> tasks.get(task.engagementId).add(task));
    }

    /** Reads the DIBS of those engagements that exist, with one query; before any event is applied. */
    public void readDibsOf(Collection<String> engagementIds) {
        List<String> ids = engagementIds.stream().distinct().filter(stored::contains).filter(id -> !dibsKnown.contains(id))
                .toList();
        if (ids.isEmpty()) {
            return;
        }
        dibsKnown.addAll(ids);
        Dibs.ofAll(ids).forEach(found -> dibs.put(found.id, found));
    }

    /** Reads the escalations of those engagements that exist, with one query; before any event is applied. */
    public void readEscalationsOf(Collection<String> engagementIds) {
        List<String> ids = engagementIds.stream().distinct().filter(stored::contains)
                .filter(id -> !escalationsKnown.contains(id)).toList();
        if (ids.isEmpty()) {
            return;
        }
        escalationsKnown.addAll(ids);
        Escalation.ofAll(ids).forEach(found -> escalations.put(found.id, found));
    }

    /** The engagement as the events applied so far left it; null when it does not exist. */
    public Engagement engagement(String engagementId) {
        return engagements.get(engagementId);
    }

    /** Its tasks in position order; they must have been read (or the engagement opened in this batch). */
    public List<EngagementTask> tasks(String engagementId) {
        List<EngagementTask> known = tasks.get(engagementId);
        if (known == null) {
            throw new IllegalStateException("the tasks of engagement " + engagementId + " were not read");
        }
        return known;
    }

    public List<FtopTask> ftopTasks(String engagementId) {
        return tasks(engagementId).stream().map(task -> new FtopTask(task.taskId, task.name, task.mandatory)).toList();
    }

    public Optional<EngagementTask> task(String engagementId, String taskId) {
        return tasks(engagementId).stream().filter(task -> task.taskId.equals(taskId)).findFirst();
    }

    /** The DIBS of one workload; they must have been read (or the engagement opened in this batch). */
    public Optional<Dibs> dibs(String engagementId, Workload workload) {
        if (!dibsKnown.contains(engagementId)) {
            throw new IllegalStateException("the DIBS of engagement " + engagementId + " were not read");
        }
        return Optional.ofNullable(dibs.get(Dibs.idOf(engagementId, workload.name())));
    }

    /** One escalation of the engagement; its escalations must have been read (or the engagement opened in this batch). */
    public Optional<Escalation> escalation(String engagementId, String escalationId) {
        if (!escalationsKnown.contains(engagementId)) {
            throw new IllegalStateException("the escalations of engagement " + engagementId + " were not read");
        }
        return Optional.ofNullable(escalations.get(Escalation.idOf(engagementId, escalationId)));
    }

    /** The request's workloads are not in EngagementOpened; every FtaAssigned of the request carries them. */
    public void rememberScope(String engagementId, List<Workload> workloads) {
        Engagement engagement = engagements.get(engagementId);
        if (engagement != null && engagement.workloads == null && workloads != null) {
            engagement.workloads = workloads.stream().map(Workload::name).distinct().sorted().collect(Collectors.joining(","));
            readDibsOf(List.of(engagementId));
            noteDibsCoverage(engagement);
        }
    }

    /** Applies one engagement event to the engagements in memory; the caller applies each event id once. */
    public void apply(EventEnvelope<?> envelope) {
        EventData data = envelope.data();
        if (data instanceof EngagementOpened opened) {
            if (!engagements.containsKey(opened.engagementId())) {
                open(envelope, opened);
            }
            return;
        }
        Engagement engagement = engagements.get(engagementIdOf(data));
        if (engagement == null) {
            LOG.warnf("event %s (%s) names unknown engagement %s; skipped", envelope.eventId(), envelope.type(),
                    engagementIdOf(data));
        } else if (data instanceof EngagementReassigned reassigned) {
            reassign(envelope, engagement, reassigned);
        } else if (data instanceof StatusNoteDue due) {
            engagement.noteDueReportedFor = latest(engagement.noteDueReportedFor, due.lastNoteAt());
        } else if (data instanceof EngagementStale stale) {
            engagement.staleReportedFor = latest(engagement.staleReportedFor, stale.lastNoteAt());
        } else if (data instanceof TaskCompleted completed) {
            completeTask(engagement, completed);
        } else if (data instanceof StatusNoteAdded note) {
            addNote(envelope, engagement, note);
        } else if (data instanceof DibsRecorded recorded) {
            recordDibs(engagement, recorded);
        } else if (data instanceof ReviewDecided decided) {
            recordReview(envelope, engagement, decided);
        } else if (data instanceof EscalationRaised raised) {
            raiseEscalation(envelope, engagement, raised);
        } else if (data instanceof EscalationResolved resolved) {
            resolveEscalation(envelope, engagement, resolved);
        } else if (data instanceof EngagementCompleted completed) {
            engagement.status = Engagement.COMPLETED;
            engagement.completedAt = completed.completedAt();
        }
    }

    /**
     * Writes what the batch changed: inserts grouped by table, then the updates of the rows read, in JDBC batches.
     * Done before the batch's events are published, so their rows are locked before a copy can be read back.
     *
     * @throws TransientFailure when another transaction wrote the same rows at the same time
     */
    public void write() {
        EntityManager entityManager = Panache.getEntityManager();
        openForIdentifiedTenants();
        Stream.of(newEngagements, newTasks, newHolders, newNotes, newDibs, newReviews, newRisks, newEscalations)
                .flatMap(List::stream).forEach(entityManager::persist);
        try {
            entityManager.flush();
        } catch (RuntimeException failed) {
            if (concurrentWrite(failed)) {
                throw new TransientFailure("another transaction wrote rows of the same engagements at the same time", failed);
            }
            throw failed;
        }
    }

    static String engagementIdOf(EventData data) {
        if (data instanceof EngagementOpened e) {
            return e.engagementId();
        } else if (data instanceof EngagementReassigned e) {
            return e.engagementId();
        } else if (data instanceof StatusNoteDue e) {
            return e.engagementId();
        } else if (data instanceof EngagementStale e) {
            return e.engagementId();
        } else if (data instanceof TaskCompleted e) {
            return e.engagementId();
        } else if (data instanceof StatusNoteAdded e) {
            return e.engagementId();
        } else if (data instanceof DibsRecorded e) {
            return e.engagementId();
        } else if (data instanceof EngagementCompleted e) {
            return e.engagementId();
        } else if (data instanceof ReviewDecided e) {
            return e.engagementId();
        } else if (data instanceof EscalationRaised e) {
            return e.engagementId();
        } else if (data instanceof EscalationResolved e) {
            return e.engagementId();
        }
        throw new IllegalArgumentException("not an engagement event: " + data.getClass().getSimpleName());
    }

    private void open(EventEnvelope<?> envelope, EngagementOpened opened) {
        Engagement engagement = new Engagement();
        engagement.id = opened.engagementId();
        engagement.requestId = opened.requestId();
        engagement.tenantId = opened.tenantId();
        engagement.openedTenantId = opened.tenantId();
        engagement.architectId = opened.architect().id();
        engagement.architectName = opened.architect().name();
        engagement.teamManager = opened.architect().teamManager();
        engagement.requestType = opened.requestType() == null ? null : opened.requestType().name();
        engagement.requestQueue = opened.queue() == null ? null : opened.queue().name();
        engagement.status = Engagement.OPEN;
        engagement.openedAt = opened.openedAt();
        engagement.lastActivityAt = opened.openedAt();
        engagements.put(engagement.id, engagement);
        newEngagements.add(engagement);
        List<EngagementTask> opening = new ArrayList<>();
        List<FtopTask> ftopTasks = opened.tasks();
        for (int position = 0; position < ftopTasks.size(); position++) {
            FtopTask ftop = ftopTasks.get(position);
            EngagementTask task = new EngagementTask();
            task.id = EngagementTask.idOf(engagement.id, ftop.taskId());
            task.engagementId = engagement.id;
            task.taskId = ftop.taskId();
            task.name = ftop.name();
            task.mandatory = ftop.mandatory();
            task.position = position;
            task.dueAt = opened.openedAt().plus(Duration.ofDays(catalogue.dueDays(ftop.taskId())));
            opening.add(task);
        }
        tasks.put(engagement.id, opening);
        newTasks.addAll(opening);
        noteMandatoryProgress(engagement);
        dibsKnown.add(engagement.id);
        escalationsKnown.add(engagement.id);
        recordHolder(envelope, engagement, null, opened.openedAt());
    }

    /**
     * An engagement opened for a placeholder that was identified already belongs to the real tenant; one query for
     * the batch's new engagements. (One opened before the identification was folded when it came.)
     */
    private void openForIdentifiedTenants() {
        Set<String> tenants = newEngagements.stream().map(engagement -> engagement.tenantId).collect(Collectors.toSet());
        if (tenants.isEmpty()) {
            return;
        }
        Map<String, String> realTenants = TenantIdentity.<TenantIdentity>list("placeholderId in ?1", tenants).stream()
                .collect(Collectors.toMap(identity -> identity.placeholderId, identity -> identity.tenantId));
        newEngagements.forEach(engagement -> engagement.tenantId = realTenants.getOrDefault(engagement.tenantId,
                engagement.tenantId));
    }

    /** The lapse a cadence event was told for; the latest wins, so the order events are replayed in does not matter. */
    private static Instant latest(Instant toldFor, Instant lapseStart) {
        return toldFor == null || lapseStart.isAfter(toldFor) ? lapseStart : toldFor;
    }

    private void reassign(EventEnvelope<?> envelope, Engagement engagement, EngagementReassigned reassigned) {
        engagement.architectId = reassigned.toArchitect().id();
        engagement.architectName = reassigned.toArchitect().name();
        engagement.teamManager = reassigned.toArchitect().teamManager();
        recordHolder(envelope, engagement, reassigned.fromArchitectId(), reassigned.reassignedAt());
    }

    private void recordHolder(EventEnvelope<?> envelope, Engagement engagement, String from, Instant at) {
        AssignmentHistory holder = new AssignmentHistory();
        holder.eventId = envelope.eventId();
        holder.engagementId = engagement.id;
        holder.architectId = engagement.architectId;
        holder.architectName = engagement.architectName;
        holder.teamManager = engagement.teamManager;
        holder.reassignedFrom = from;
        holder.assignedAt = at == null ? envelope.occurredAt() : at;
        newHolders.add(holder);
    }

    private void completeTask(Engagement engagement, TaskCompleted completed) {
        Optional<EngagementTask> task = task(engagement.id, completed.task().taskId());
        if (task.isEmpty()) {
            LOG.warnf("TaskCompleted names task %s that engagement %s does not have; skipped",
                    completed.task().taskId(), engagement.id);
        } else if (task.get().completedAt == null) {
            task.get().completedAt = completed.completedAt();
            task.get().completedBy = completed.completedBy();
            noteMandatoryProgress(engagement);
        }
    }

    private void noteMandatoryProgress(Engagement engagement) {
        List<EngagementTask> mandatory = tasks(engagement.id).stream().filter(task -> task.mandatory).toList();
        engagement.mandatoryOpen = (int) mandatory.stream().filter(task -> task.completedAt == null).count();
        engagement.mandatoryDoneLate = (int) mandatory.stream()
                .filter(task -> task.completedAt != null && task.completedAt.isAfter(task.dueAt)).count();
        List<Instant> openDue = mandatory.stream().filter(task -> task.completedAt == null).map(task -> task.dueAt)
                .sorted().toList();
        engagement.firstOpenMandatoryDue = openDue.isEmpty() ? null : openDue.get(0);
        engagement.lastOpenMandatoryDue = openDue.isEmpty() ? null : openDue.get(openDue.size() - 1);
    }

    /** DIBS are documented once every workload in scope has them, or any one has when the scope is empty. */
    private void noteDibsCoverage(Engagement engagement) {
        Set<String> documented = dibs.values().stream().filter(recorded -> recorded.engagementId.equals(engagement.id))
                .map(recorded -> recorded.workload).collect(Collectors.toSet());
        Set<String> scope = engagement.workloads == null || engagement.workloads.isEmpty() ? Set.of()
                : Set.of(engagement.workloads.split(","));
        engagement.dibsDocumented = scope.isEmpty() ? !documented.isEmpty() : documented.containsAll(scope);
    }

    private void addNote(EventEnvelope<?> envelope, Engagement engagement, StatusNoteAdded added) {
        StatusNote note = new StatusNote();
        note.eventId = envelope.eventId();
        note.engagementId = engagement.id;
        note.author = added.author();
        note.note = added.note();
        note.addedAt = added.addedAt();
        newNotes.add(note);
        if (engagement.lastStatusNoteAt == null || added.addedAt().isAfter(engagement.lastStatusNoteAt)) {
            engagement.lastStatusNoteAt = added.addedAt();
        }
        if (added.addedAt().isAfter(engagement.lastActivityAt)) {
            engagement.lastActivityAt = added.addedAt();
        }
    }

    private void recordDibs(Engagement engagement, DibsRecorded recorded) {
        Dibs current = dibs(engagement.id, recorded.workload()).orElseGet(() -> {
            Dibs created = new Dibs();
            created.id = Dibs.idOf(engagement.id, recorded.workload().name());
            created.engagementId = engagement.id;
            created.workload = recorded.workload().name();
            dibs.put(created.id, created);
            newDibs.add(created);
            return created;
        });
        current.targetDate = recorded.targetDate();
        current.intent = recorded.intent();
        current.businessReason = recorded.businessReason();
        current.successOwner = recorded.successOwner();
        current.recordedAt = recorded.recordedAt();
        noteDibsCoverage(engagement);
    }

    private void recordReview(EventEnvelope<?> envelope, Engagement engagement, ReviewDecided decided) {
        Review review = new Review();
        review.eventId = envelope.eventId();
        review.engagementId = engagement.id;
        review.decision = decided.decision().name();
        review.note = decided.note();
        review.decidedBy = decided.decidedBy();
        review.decidedAt = decided.decidedAt() == null ? envelope.occurredAt() : decided.decidedAt();
        newReviews.add(review);
        for (int position = 0; position < decided.risks().size(); position++) {
            ReviewRisk risk = new ReviewRisk();
            risk.id = ReviewRisk.idOf(review.eventId, position);
            risk.reviewEventId = review.eventId;
            risk.position = position;
            risk.risk = decided.risks().get(position);
            newRisks.add(risk);
        }
        // the first final decision stands: one recorded later (two writers at once, or history) changes nothing
        if (decided.decision().isFinal() && engagement.finalReviewDecision == null) {
            engagement.finalReviewDecision = decided.decision().name();
        }
    }

    private void raiseEscalation(EventEnvelope<?> envelope, Engagement engagement, EscalationRaised raised) {
        String id = Escalation.idOf(engagement.id, raised.escalationId());
        if (escalations.containsKey(id)) {
            LOG.warnf("EscalationRaised %s raises escalation %s again; skipped", envelope.eventId(), raised.escalationId());
            return;
        }
        Escalation escalation = new Escalation();
        escalation.id = id;
        escalation.escalationId = raised.escalationId();
        escalation.engagementId = engagement.id;
        escalation.severity = raised.severity().name();
        escalation.blocker = raised.blocker();
        escalation.owner = raised.owner();
        escalation.raisedBy = raised.raisedBy();
        escalation.raisedAt = raised.raisedAt() == null ? envelope.occurredAt() : raised.raisedAt();
        escalations.put(id, escalation);
        newEscalations.add(escalation);
        engagement.openEscalations++;
    }

    private void resolveEscalation(EventEnvelope<?> envelope, Engagement engagement, EscalationResolved resolved) {
        Optional<Escalation> escalation = escalation(engagement.id, resolved.escalationId());
        if (escalation.isEmpty()) {
            LOG.warnf("EscalationResolved %s names escalation %s that engagement %s does not have; skipped",
                    envelope.eventId(), resolved.escalationId(), engagement.id);
        } else if (!escalation.get().resolved()) {
            escalation.get().resolution = resolved.resolution();
            escalation.get().resolvedBy = resolved.resolvedBy();
            escalation.get().resolvedAt = resolved.resolvedAt() == null ? envelope.occurredAt() : resolved.resolvedAt();
            engagement.openEscalations--;
        }
    }

    private static boolean concurrentWrite(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (next.getSQLState() != null && CONCURRENT_WRITE_STATES.contains(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
