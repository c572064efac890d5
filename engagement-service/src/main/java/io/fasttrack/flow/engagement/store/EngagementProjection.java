package io.fasttrack.flow.engagement.store;

import io.fasttrack.flow.engagement.domain.TaskCatalogue;
import io.fasttrack.flow.events.DibsRecorded;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.TaskCompleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;

/**
 * The engagement projection, applied set-wise: the engagements a batch of events touches are read once, the
 * events applied to them in memory in order, and the result written once ({@link TouchedEngagements}). The
 * consumer of the engagements topic, the consumer of FtaAssigned and the REST writes all go through here, so
 * replaying the topic rebuilds exactly what the writes built.
 */
@ApplicationScoped
public class EngagementProjection {

    @Inject
    TaskCatalogue catalogue;

    /** Reads and locks the engagements with one query; the caller reads their tasks or DIBS if its events need them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public TouchedEngagements touch(Collection<String> engagementIds) {
        return new TouchedEngagements(catalogue, engagementIds);
    }

    /** Applies engagement events, each id once, in order: one query per table they touch, then one write. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<? extends EventEnvelope<?>> events) {
        TouchedEngagements touched = touch(events.stream().map(event -> TouchedEngagements.engagementIdOf(event.data())).toList());
        touched.readTasksOf(engagementsWith(events, TaskCompleted.class));
        touched.readDibsOf(engagementsWith(events, DibsRecorded.class));
        events.forEach(touched::apply);
        touched.write();
    }

    private static List<String> engagementsWith(List<? extends EventEnvelope<?>> events, Class<?> type) {
        return events.stream().filter(event -> type.isInstance(event.data()))
                .map(event -> TouchedEngagements.engagementIdOf(event.data())).toList();
    }
}
