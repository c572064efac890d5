package io.fasttrack.flow.engagement.api;

import io.fasttrack.flow.engagement.messaging.EngagementMetrics;
import io.fasttrack.flow.engagement.messaging.EventPublisher;
import io.fasttrack.flow.engagement.store.Dibs;
import io.fasttrack.flow.engagement.store.Engagement;
import io.fasttrack.flow.engagement.store.EngagementProjection;
import io.fasttrack.flow.engagement.store.EngagementTask;
import io.fasttrack.flow.events.DibsRecorded;
import io.fasttrack.flow.events.EngagementCompleted;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.StatusNoteAdded;
import io.fasttrack.flow.events.TaskCompleted;
import io.fasttrack.flow.events.model.FtopTask;
import io.fasttrack.flow.events.model.Workload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes by people: each locks its engagement, applies its events to the projection, and commits only
 * once the broker has acknowledged them (Kafka first: an unacknowledged change is not recorded).
 * Repeating a write that changes nothing publishes nothing.
 */
@ApplicationScoped
public class EngagementCommands {

    @Inject
    EngagementProjection projection;

    @Inject
    EventPublisher publisher;

    @Inject
    EngagementQueries queries;

    @Inject
    EngagementMetrics metrics;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    @Transactional
    public EngagementViews.Engagement completeTask(String engagementId, String taskId, String completedBy) {
        Engagement engagement = lock(engagementId);
        EngagementTask task = EngagementTask.findById(EngagementTask.idOf(engagementId, taskId));
        if (task == null) {
            throw ProblemException.notFound("engagement " + engagementId + " has no task " + taskId);
        }
        if (task.completedAt != null) {
            return queries.view(engagement);
        }
        Instant now = clock.instant();
        EventEnvelope<TaskCompleted> taskCompleted = EventEnvelope.of(now, source, engagement.requestId, null,
                new TaskCompleted(engagement.id, engagement.requestId, engagement.tenantId, engagement.architectId,
                        new FtopTask(task.taskId, task.name, task.mandatory), completedBy, now));
        List<EventEnvelope<?>> events = new ArrayList<>(List.of(taskCompleted));
        projection.apply(taskCompleted);
        boolean completesEngagement = !engagement.completed()
                && EngagementTask.of(engagement.id).stream().filter(t -> t.mandatory).allMatch(t -> t.completedAt != null);
        if (completesEngagement) {
            EventEnvelope<EngagementCompleted> completed = EventEnvelope.of(taskCompleted.derivedId("EngagementCompleted"),
                    now, source, engagement.requestId, taskCompleted.eventId().toString(),
                    new EngagementCompleted(engagement.id, engagement.requestId, engagement.tenantId,
                            engagement.architectId, now));
            projection.apply(completed);
            events.add(completed);
        }
        publish(events);
        metrics.taskCompleted();
        if (completesEngagement) {
            metrics.engagementCompleted();
        }
        return queries.view(engagement);
    }

    @Transactional
    public EngagementViews.Engagement addStatusNote(String engagementId, String author, String note) {
        Engagement engagement = lock(engagementId);
        Instant now = clock.instant();
        publishApplied(engagement, new StatusNoteAdded(engagement.id, engagement.requestId, engagement.tenantId,
                engagement.architectId, author, note, now));
        return queries.view(engagement);
    }

    @Transactional
    public EngagementViews.Engagement recordDibs(String engagementId, Workload workload, LocalDate targetDate,
            String intent, String businessReason, String successOwner) {
        Engagement engagement = lock(engagementId);
        Dibs current = Dibs.findById(Dibs.idOf(engagement.id, workload.name()));
        boolean unchanged = current != null && Objects.equals(current.targetDate, targetDate)
                && Objects.equals(current.intent, intent) && Objects.equals(current.businessReason, businessReason)
                && Objects.equals(current.successOwner, successOwner);
        if (!unchanged) {
            publishApplied(engagement, new DibsRecorded(engagement.id, engagement.requestId, engagement.tenantId,
                    workload, targetDate, intent, businessReason, successOwner, clock.instant()));
        }
        return queries.view(engagement);
    }

    private void publishApplied(Engagement engagement, EventData data) {
        EventEnvelope<?> envelope = EventEnvelope.of(clock.instant(), source, engagement.requestId, null, data);
        projection.apply(envelope);
        publish(List.of(envelope));
    }

    private void publish(List<EventEnvelope<?>> events) {
        projection.flush();
        publisher.publish(events);
    }

    private static Engagement lock(String engagementId) {
        Engagement engagement = Engagement.lock(engagementId);
        if (engagement == null) {
            throw ProblemException.notFound("no engagement " + engagementId);
        }
        return engagement;
    }
}
