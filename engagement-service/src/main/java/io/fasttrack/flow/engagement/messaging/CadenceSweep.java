package io.fasttrack.flow.engagement.messaging;

import io.fasttrack.flow.engagement.domain.StalenessPolicy;
import io.fasttrack.flow.engagement.store.Engagement;
import io.fasttrack.flow.engagement.store.EngagementProjection;
import io.fasttrack.flow.engagement.store.TouchedEngagements;
import io.fasttrack.flow.events.EngagementStale;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.StatusNoteDue;
import io.fasttrack.flow.kit.messaging.Effects;
import io.fasttrack.flow.kit.messaging.EnvelopeSends;
import io.fasttrack.flow.kit.messaging.KitSettings;
import io.fasttrack.flow.kit.store.ProcessedEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * The status-note cadence as events: every {@code cadence-check-interval} the open engagements due a note get
 * StatusNoteDue and the stale ones EngagementStale, each once per lapse ({@link StalenessPolicy}). It writes like
 * a REST command: the engagements are locked, each event is applied by the projection code that also reads the
 * topic (it marks the lapse told), marked applied, and published; the transaction commits once the broker
 * acknowledged, so no sweep, here or in another instance, tells a lapse again while its event is in flight. An
 * event's id follows from the engagement, the lapse and the kind: should a commit fail after the broker took the
 * event, the next sweep's copy has the same id, and every consumer applies it once.
 */
@ApplicationScoped
public class CadenceSweep {

    private static final Logger LOG = Logger.getLogger(CadenceSweep.class);
    /** Engagements per transaction: bounds the locks held and the acks waited for at once. */
    static final int SWEEP_BATCH = 500;

    @Inject
    StalenessPolicy policy;

    @Inject
    EngagementProjection projection;

    @Inject
    ProcessedEvents processed;

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

    @Scheduled(every = "${fasttrack.engagement.cadence-check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        int told = sweep();
        if (told > 0) {
            LOG.infof("status-note cadence: %d StatusNoteDue / EngagementStale event(s) published", told);
        }
    }

    /** Tells every lapse due by the clock that was not told yet; the number of events published. */
    public int sweep() {
        int told = 0;
        while (true) {
            Instant now = clock.instant();
            List<String> due = QuarkusTransaction.requiringNew().call(() -> Engagement.cadenceDue(
                    policy.noteDueBoundary(now), policy.staleBoundary(now), SWEEP_BATCH));
            if (due.isEmpty()) {
                return told;
            }
            int toldNow = QuarkusTransaction.requiringNew().call(() -> tell(due, now));
            told += toldNow;
            // a batch that told nothing (another instance was quicker) ends the sweep: the next one looks again
            if (due.size() < SWEEP_BATCH || toldNow == 0) {
                return told;
            }
        }
    }

    /** Locks the engagements, judges each again as it is now, applies and publishes what is due. */
    private int tell(List<String> engagementIds, Instant now) {
        TouchedEngagements touched = projection.touch(engagementIds);
        List<EventEnvelope<?>> events = new ArrayList<>();
        for (String engagementId : engagementIds) {
            Engagement engagement = touched.engagement(engagementId);
            if (engagement == null) {
                continue;
            }
            Instant lapseStart = engagement.lastActivityAt;
            if (policy.noteDueToTell(lapseStart, engagement.noteDueReportedFor, engagement.completed(), now)) {
                events.add(envelope(engagement, now, new StatusNoteDue(engagement.id, engagement.requestId,
                        engagement.openedTenantId, engagement.architectId, engagement.teamManager, lapseStart,
                        policy.noteDueAt(lapseStart), now)));
            }
            if (policy.staleToTell(lapseStart, engagement.staleReportedFor, engagement.completed(), now)) {
                events.add(envelope(engagement, now, new EngagementStale(engagement.id, engagement.requestId,
                        engagement.openedTenantId, engagement.architectId, engagement.teamManager, lapseStart,
                        policy.staleAt(lapseStart), now)));
            }
        }
        if (events.isEmpty()) {
            return 0;
        }
        events.forEach(touched::apply);
        touched.write();
        processed.recordApplied(events.stream().map(EventEnvelope::eventId).toList(), now);
        Effects.awaitAll(events.stream().map(event -> EnvelopeSends.send(engagements, event)).toList(), kit.ackTimeout());
        return events.size();
    }

    private EventEnvelope<?> envelope(Engagement engagement, Instant now, EventData data) {
        return EventEnvelope.of(lapseEventId(data, engagement), now, source, engagement.requestId, null, data);
    }

    /** One id per engagement, lapse and kind of event. */
    private static UUID lapseEventId(EventData data, Engagement engagement) {
        String lapse = data.getClass().getSimpleName() + "/" + engagement.id + "/" + engagement.lastActivityAt;
        return UUID.nameUUIDFromBytes(lapse.getBytes(StandardCharsets.UTF_8));
    }
}
