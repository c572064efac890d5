package io.fasttrack.flow.engagement.store;

import io.fasttrack.flow.engagement.domain.TaskCatalogue;
import io.fasttrack.flow.events.DibsRecorded;
import io.fasttrack.flow.events.EngagementCompleted;
import io.fasttrack.flow.events.EngagementOpened;
import io.fasttrack.flow.events.EngagementReassigned;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.StatusNoteAdded;
import io.fasttrack.flow.events.TaskCompleted;
import io.fasttrack.flow.events.model.FtopTask;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Applies engagement events to the projection, once per event id. The service's own writes and the
 * consumer of the engagements topic both go through here, so replaying the topic rebuilds exactly what
 * the writes built.
 */
@ApplicationScoped
public class EngagementProjection {

    private static final Logger LOG = Logger.getLogger(EngagementProjection.class);

    @Inject
    TaskCatalogue catalogue;

    @Inject
    Clock clock;

    /**
     * Applies the event unless its id was applied before; returns whether it changed anything. Locks the
     * engagement first, so a concurrent writer of the same engagement finishes before the id is checked.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(EventEnvelope<?> envelope) {
        Engagement engagement = Engagement.lock(engagementIdOf(envelope.data()));
        if (ProcessedEvent.seen(envelope.eventId())) {
            return false;
        }
        ProcessedEvent.remember(envelope.eventId(), clock.instant());
        if (envelope.data() instanceof EngagementOpened opened) {
            if (engagement == null) {
                open(envelope, opened);
            }
            return engagement == null;
        }
        if (engagement == null) {
            LOG.warnf("event %s (%s) names unknown engagement %s; skipped", envelope.eventId(), envelope.type(),
                    engagementIdOf(envelope.data()));
            return false;
        }
        EventData data = envelope.data();
        if (data instanceof EngagementReassigned reassigned) {
            reassign(envelope, engagement, reassigned);
        } else if (data instanceof TaskCompleted completed) {
            completeTask(engagement, completed);
        } else if (data instanceof StatusNoteAdded note) {
            addNote(envelope, engagement, note);
        } else if (data instanceof DibsRecorded dibs) {
            recordDibs(engagement, dibs);
        } else if (data instanceof EngagementCompleted completed) {
            engagement.status = Engagement.COMPLETED;
            engagement.completedAt = completed.completedAt();
        }
        return true;
    }

    /** Writes pending changes now, so their row locks are held before the events reach the topic. */
    public void flush() {
        Panache.getEntityManager().flush();
    }

    private void open(EventEnvelope<?> envelope, EngagementOpened opened) {
        Engagement engagement = new Engagement();
        engagement.id = opened.engagementId();
        engagement.requestId = opened.requestId();
        engagement.tenantId = opened.tenantId();
        engagement.architectId = opened.architect().id();
        engagement.architectName = opened.architect().name();
        engagement.teamManager = opened.architect().teamManager();
        engagement.requestType = opened.requestType() == null ? null : opened.requestType().name();
        engagement.requestQueue = opened.queue() == null ? null : opened.queue().name();
        engagement.status = Engagement.OPEN;
        engagement.openedAt = opened.openedAt();
        engagement.lastActivityAt = opened.openedAt();
        engagement.persist();
        List<FtopTask> tasks = opened.tasks();
        for (int position = 0; position < tasks.size(); position++) {
            FtopTask ftop = tasks.get(position);
            EngagementTask task = new EngagementTask();
            task.id = EngagementTask.idOf(engagement.id, ftop.taskId());
            task.engagementId = engagement.id;
            task.taskId = ftop.taskId();
            task.name = ftop.name();
            task.mandatory = ftop.mandatory();
            task.position = position;
            task.dueAt = opened.openedAt().plus(Duration.ofDays(catalogue.dueDays(ftop.taskId())));
            task.persist();
        }
        recordHolder(envelope, engagement, null, opened.openedAt());
    }

    private void reassign(EventEnvelope<?> envelope, Engagement engagement, EngagementReassigned reassigned) {
        engagement.architectId = reassigned.toArchitect().id();
        engagement.architectName = reassigned.toArchitect().name();
        engagement.teamManager = reassigned.toArchitect().teamManager();
        recordHolder(envelope, engagement, reassigned.fromArchitectId(), reassigned.reassignedAt());
    }

    private static void recordHolder(EventEnvelope<?> envelope, Engagement engagement, String from, Instant at) {
        AssignmentHistory history = new AssignmentHistory();
        history.eventId = envelope.eventId();
        history.engagementId = engagement.id;
        history.architectId = engagement.architectId;
        history.architectName = engagement.architectName;
        history.teamManager = engagement.teamManager;
        history.reassignedFrom = from;
        history.assignedAt = at == null ? envelope.occurredAt() : at;
        history.persist();
    }

    private static void completeTask(Engagement engagement, TaskCompleted completed) {
        EngagementTask task = EngagementTask.findById(EngagementTask.idOf(engagement.id, completed.task().taskId()));
        if (task == null) {
            LOG.warnf("TaskCompleted names task %s that engagement %s does not have; skipped",
                    completed.task().taskId(), engagement.id);
        } else if (task.completedAt == null) {
            task.completedAt = completed.completedAt();
            task.completedBy = completed.completedBy();
        }
    }

    private static void addNote(EventEnvelope<?> envelope, Engagement engagement, StatusNoteAdded added) {
        StatusNote note = new StatusNote();
        note.eventId = envelope.eventId();
        note.engagementId = engagement.id;
        note.author = added.author();
        note.note = added.note();
        note.addedAt = added.addedAt();
        note.persist();
        if (engagement.lastStatusNoteAt == null || added.addedAt().isAfter(engagement.lastStatusNoteAt)) {
            engagement.lastStatusNoteAt = added.addedAt();
        }
        if (added.addedAt().isAfter(engagement.lastActivityAt)) {
            engagement.lastActivityAt = added.addedAt();
        }
    }

    private static void recordDibs(Engagement engagement, DibsRecorded recorded) {
        String id = Dibs.idOf(engagement.id, recorded.workload().name());
        Dibs dibs = Dibs.findById(id);
        if (dibs == null) {
            dibs = new Dibs();
            dibs.id = id;
            dibs.engagementId = engagement.id;
            dibs.workload = recorded.workload().name();
        }
        dibs.targetDate = recorded.targetDate();
        dibs.intent = recorded.intent();
        dibs.businessReason = recorded.businessReason();
        dibs.successOwner = recorded.successOwner();
        dibs.recordedAt = recorded.recordedAt();
        dibs.persist();
    }

    private static String engagementIdOf(EventData data) {
        if (data instanceof EngagementOpened e) {
            return e.engagementId();
        } else if (data instanceof EngagementReassigned e) {
            return e.engagementId();
        } else if (data instanceof TaskCompleted e) {
            return e.engagementId();
        } else if (data instanceof StatusNoteAdded e) {
            return e.engagementId();
        } else if (data instanceof DibsRecorded e) {
            return e.engagementId();
        } else if (data instanceof EngagementCompleted e) {
            return e.engagementId();
        }
        throw new IllegalArgumentException("not an engagement event: " + data.getClass().getSimpleName());
    }
}
