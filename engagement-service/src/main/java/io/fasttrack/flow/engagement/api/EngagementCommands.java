package io.fasttrack.flow.engagement.api;

import io.fasttrack.flow.engagement.domain.ReviewPolicy;
import io.fasttrack.flow.engagement.messaging.EngagementMetrics;
import io.fasttrack.flow.engagement.store.Dibs;
import io.fasttrack.flow.engagement.store.Engagement;
import io.fasttrack.flow.engagement.store.EngagementProjection;
import io.fasttrack.flow.engagement.store.EngagementTask;
import io.fasttrack.flow.engagement.store.Escalation;
import io.fasttrack.flow.engagement.store.TouchedEngagements;
import io.fasttrack.flow.events.DibsRecorded;
import io.fasttrack.flow.events.EngagementCompleted;
import io.fasttrack.flow.events.EscalationRaised;
import io.fasttrack.flow.events.EscalationResolved;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.ReviewDecided;
import io.fasttrack.flow.events.StatusNoteAdded;
import io.fasttrack.flow.events.TaskCompleted;
import io.fasttrack.flow.events.model.EscalationSeverity;
import io.fasttrack.flow.events.model.FtopTask;
import io.fasttrack.flow.events.model.ReviewDecision;
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.kit.api.ProblemException;
import io.fasttrack.flow.kit.messaging.Effects;
import io.fasttrack.flow.kit.messaging.EnvelopeSends;
import io.fasttrack.flow.kit.messaging.KitSettings;
import io.fasttrack.flow.kit.store.ProcessedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Writes by people: each locks its engagement, applies its events to the projection, marks them applied (their
 * copies on the topic change nothing), and commits only once the broker acknowledged them within the kit's ack
 * timeout (Kafka first: an unacknowledged change is not recorded, the caller gets a 503 to retry). Repeating a
 * write that changes nothing publishes nothing.
 */
@ApplicationScoped
public class EngagementCommands {

    @Inject
    EngagementProjection projection;

    @Inject
    ProcessedEvents processed;

    @Inject
    EngagementQueries queries;

    @Inject
    EngagementMetrics metrics;

    @Inject
    ReviewPolicy reviews;

    @Inject
    KitSettings kit;

    @Inject
    Clock clock;

    @Inject
    @Channel("engagements-out")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<EventEnvelope<?>> engagements;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    @Transactional
    public EngagementViews.Engagement completeTask(String engagementId, String taskId, String completedBy) {
        TouchedEngagements touched = projection.touch(List.of(engagementId));
        Engagement engagement = existing(touched, engagementId);
        touched.readTasksOf(List.of(engagementId));
        EngagementTask task = touched.task(engagementId, taskId)
                .orElseThrow(() -> ProblemException.notFound("engagement " + engagementId + " has no task " + taskId));
        if (task.completedAt != null) {
            return queries.view(engagement);
        }
        Instant now = clock.instant();
        EventEnvelope<TaskCompleted> taskCompleted = EventEnvelope.of(now, source, engagement.requestId, null,
                new TaskCompleted(engagement.id, engagement.requestId, engagement.openedTenantId, engagement.architectId,
                        new FtopTask(task.taskId, task.name, task.mandatory), completedBy, now));
        touched.apply(taskCompleted);
        Optional<EventEnvelope<EngagementCompleted>> completed = completionCausedBy(taskCompleted, touched, engagement);
        writeAndPublish(touched, withCompletion(taskCompleted, completed));
        metrics.taskCompleted();
        completed.ifPresent(completion -> metrics.engagementCompleted());
        return queries.view(engagement);
    }

    /** Records a review decision; the final one completes the engagement when its mandatory tasks are done. */
    @Transactional
    public EngagementViews.Engagement decideReview(String engagementId, ReviewDecision decision, List<String> risks,
            String note, String decidedBy) {
        TouchedEngagements touched = projection.touch(List.of(engagementId));
        Engagement engagement = existing(touched, engagementId);
        reviews.refusal(engagement.type(), engagement.finalReviewDecision != null, engagement.completed())
                .ifPresent(refusal -> {
                    throw ProblemException.conflict("engagement " + engagementId + ": " + refusal);
                });
        touched.readTasksOf(List.of(engagementId));
        Instant now = clock.instant();
        EventEnvelope<ReviewDecided> decided = EventEnvelope.of(now, source, engagement.requestId, null,
                new ReviewDecided(engagement.id, engagement.requestId, engagement.openedTenantId, engagement.architectId,
                        engagement.type(), decision, risks, note, decidedBy, now));
        touched.apply(decided);
        Optional<EventEnvelope<EngagementCompleted>> completed = completionCausedBy(decided, touched, engagement);
        writeAndPublish(touched, withCompletion(decided, completed));
        completed.ifPresent(completion -> metrics.engagementCompleted());
        return queries.view(engagement);
    }

    /** Raises an escalation under a new id; a completed engagement has nothing left to block (409). */
    @Transactional
    public EngagementViews.Escalation raiseEscalation(String engagementId, EscalationSeverity severity, String blocker,
            String owner, String raisedBy) {
        TouchedEngagements touched = projection.touch(List.of(engagementId));
        Engagement engagement = existing(touched, engagementId);
        if (engagement.completed()) {
            throw ProblemException.conflict("engagement " + engagementId + " is completed: nothing left to escalate");
        }
        touched.readEscalationsOf(List.of(engagementId));
        String escalationId = "ESC-" + UUID.randomUUID();
        applyAndPublish(touched, engagement, new EscalationRaised(engagement.id, escalationId, engagement.requestId,
                engagement.openedTenantId, engagement.architectId, severity, blocker, owner, raisedBy, clock.instant()));
        return queries.escalation(engagementId, escalationId);
    }

    /** Resolves an open escalation, also of a completed engagement; one resolved already is a 409. */
    @Transactional
    public EngagementViews.Escalation resolveEscalation(String engagementId, String escalationId, String resolution,
            String resolvedBy) {
        TouchedEngagements touched = projection.touch(List.of(engagementId));
        Engagement engagement = existing(touched, engagementId);
        touched.readEscalationsOf(List.of(engagementId));
        Escalation escalation = touched.escalation(engagementId, escalationId).orElseThrow(() -> ProblemException
                .notFound("engagement " + engagementId + " has no escalation " + escalationId));
        if (escalation.resolved()) {
            throw ProblemException.conflict("escalation " + escalationId + " is resolved already");
        }
        applyAndPublish(touched, engagement, new EscalationResolved(engagement.id, escalationId, engagement.requestId,
                engagement.openedTenantId, EscalationSeverity.valueOf(escalation.severity), resolution, resolvedBy,
                clock.instant()));
        return queries.escalation(engagementId, escalationId);
    }

    @Transactional
    public EngagementViews.Engagement addStatusNote(String engagementId, String author, String note) {
        TouchedEngagements touched = projection.touch(List.of(engagementId));
        Engagement engagement = existing(touched, engagementId);
        applyAndPublish(touched, engagement, new StatusNoteAdded(engagement.id, engagement.requestId, engagement.openedTenantId,
                engagement.architectId, author, note, clock.instant()));
        return queries.view(engagement);
    }

    @Transactional
    public EngagementViews.Engagement recordDibs(String engagementId, Workload workload, LocalDate targetDate,
            String intent, String businessReason, String successOwner) {
        TouchedEngagements touched = projection.touch(List.of(engagementId));
        Engagement engagement = existing(touched, engagementId);
        touched.readDibsOf(List.of(engagementId));
        Optional<Dibs> current = touched.dibs(engagementId, workload);
        boolean unchanged = current.isPresent() && Objects.equals(current.get().targetDate, targetDate)
                && Objects.equals(current.get().intent, intent)
                && Objects.equals(current.get().businessReason, businessReason)
                && Objects.equals(current.get().successOwner, successOwner);
        if (!unchanged) {
            applyAndPublish(touched, engagement, new DibsRecorded(engagement.id, engagement.requestId,
                    engagement.openedTenantId, workload, targetDate, intent, businessReason, successOwner, clock.instant()));
        }
        return queries.view(engagement);
    }

    /**
     * EngagementCompleted, applied, when the cause (applied already) completes the engagement: its id follows from
     * the cause's, so the completion is one event whatever reads the cause again.
     */
    private Optional<EventEnvelope<EngagementCompleted>> completionCausedBy(EventEnvelope<?> cause,
            TouchedEngagements touched, Engagement engagement) {
        boolean allMandatoryTasksDone = touched.tasks(engagement.id).stream().filter(task -> task.mandatory)
                .allMatch(task -> task.completedAt != null);
        if (!reviews.completes(engagement.type(), engagement.completed(), allMandatoryTasksDone,
                engagement.finalReviewDecision != null)) {
            return Optional.empty();
        }
        EventEnvelope<EngagementCompleted> completed = EventEnvelope.of(cause.derivedId("EngagementCompleted"),
                cause.occurredAt(), source, engagement.requestId, cause.eventId().toString(),
                new EngagementCompleted(engagement.id, engagement.requestId, engagement.openedTenantId, engagement.architectId,
                        cause.occurredAt()));
        touched.apply(completed);
        return Optional.of(completed);
    }

    private static List<EventEnvelope<?>> withCompletion(EventEnvelope<?> cause,
            Optional<EventEnvelope<EngagementCompleted>> completed) {
        List<EventEnvelope<?>> events = new ArrayList<>(List.of(cause));
        completed.ifPresent(events::add);
        return events;
    }

    private void applyAndPublish(TouchedEngagements touched, Engagement engagement, EventData data) {
        EventEnvelope<?> envelope = EventEnvelope.of(clock.instant(), source, engagement.requestId, null, data);
        touched.apply(envelope);
        writeAndPublish(touched, List.of(envelope));
    }

    /** Rows first, so they are locked before a copy of the events can be read back; then publish and wait. */
    private void writeAndPublish(TouchedEngagements touched, List<EventEnvelope<?>> events) {
        touched.write();
        processed.recordApplied(events.stream().map(EventEnvelope::eventId).toList(), clock.instant());
        Effects.awaitAll(events.stream().map(event -> EnvelopeSends.send(engagements, event)).toList(), kit.ackTimeout());
    }

    private static Engagement existing(TouchedEngagements touched, String engagementId) {
        Engagement engagement = touched.engagement(engagementId);
        if (engagement == null) {
            throw ProblemException.notFound("no engagement " + engagementId);
        }
        return engagement;
    }
}
