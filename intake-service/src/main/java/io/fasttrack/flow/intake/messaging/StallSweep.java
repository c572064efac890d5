package io.fasttrack.flow.intake.messaging;

import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.RequestStalled;
import io.fasttrack.flow.intake.IntakeConfig;
import io.fasttrack.flow.intake.domain.StallRule;
import io.fasttrack.flow.intake.store.RequestQueries;
import io.fasttrack.flow.intake.store.RequestRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Makes stuck work visible: every {@code fasttrack.intake.stall-check-interval} it publishes a RequestStalled for each
 * request that has stalled by the {@link StallRule} and is not marked stalled at its step yet. It marks nothing
 * itself: the projection marks the request when the event comes back through the consumer, like any other event, so
 * a projection rebuilt from the topics shows the same stalls. An event the broker did not acknowledge is published
 * again by the next sweep.
 *
 * <p>The event id derives from the request, the step and when the request reached it, so a retry, or a second
 * instance that finds the same stall, publishes the same event, which every consumer applies once. Until an event
 * has come back, this instance does not publish it again.
 */
@ApplicationScoped
public class StallSweep {

    /** Stalls one sweep publishes at most; the next sweep takes the rest. */
    static final int MAX_PER_SWEEP = 500;
    private static final String SOURCE = "intake-service";
    private static final Logger LOG = Logger.getLogger(StallSweep.class);

    private final RequestQueries queries;
    private final RequestPublisher publisher;
    private final ProjectionLag lag;
    private final StalledRequestGauge gauge;
    private final StallRule rule;
    private final Clock clock;
    /** Ids of the stalls this instance published that the projection has not applied yet. */
    private final Set<UUID> awaitingReturn = ConcurrentHashMap.newKeySet();

    StallSweep(RequestQueries queries, RequestPublisher publisher, ProjectionLag lag, StalledRequestGauge gauge,
            IntakeConfig config, Clock clock) {
        this.queries = queries;
        this.publisher = publisher;
        this.lag = lag;
        this.gauge = gauge;
        this.rule = new StallRule(config.stallAfter());
        this.clock = clock;
    }

    /** The id of the one RequestStalled of a request at a step it reached at {@code since}. */
    static UUID stalledEventId(String requestId, String step, Instant since) {
        return UUID.nameUUIDFromBytes(("RequestStalled/" + requestId + "/" + step + "/" + since).getBytes(StandardCharsets.UTF_8));
    }

    @Scheduled(every = "${fasttrack.intake.stall-check-interval}", delayed = "${fasttrack.intake.stall-check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        gauge.recount();
        Instant now = clock.instant();
        List<EventEnvelope<RequestStalled>> stalled = QuarkusTransaction.requiringNew()
                .call(() -> queries.stallCandidates(rule.stepsThatStall(), rule.reachedBy(now), MAX_PER_SWEEP)).stream()
                .filter(request -> rule.hasStalled(request.status, request.statusSince, now))
                .map(request -> stalledEvent(request, now))
                .toList();
        // a stall no longer found has come back (or the request moved on) and needs no guard any more
        awaitingReturn.retainAll(stalled.stream().map(EventEnvelope::eventId).collect(Collectors.toSet()));
        List<EventEnvelope<RequestStalled>> unpublished = stalled.stream()
                .filter(event -> !awaitingReturn.contains(event.eventId())).toList();
        if (unpublished.isEmpty()) {
            return;
        }
        if (!lag.caughtUp()) {
            LOG.infof("%d request(s) look stalled, but the projection is still catching up with the topics: not reported yet",
                    unpublished.size());
            return;
        }
        // one first: a broker out of reach costs this sweep one publish timeout and no flood of failed sends
        if (publishAll(unpublished.subList(0, 1))) {
            publishAll(unpublished.subList(1, unpublished.size()));
        }
    }

    private EventEnvelope<RequestStalled> stalledEvent(RequestRecord request, Instant now) {
        String step = request.status.name();
        return EventEnvelope.of(stalledEventId(request.id, step, request.statusSince), now, SOURCE, request.id, null,
                new RequestStalled(request.id, request.tenantId, step, request.statusSince, now));
    }

    /** Publishes the stalls and waits for the broker's acknowledgements; false when it did not acknowledge each. */
    private boolean publishAll(List<EventEnvelope<RequestStalled>> stalls) {
        if (stalls.isEmpty()) {
            return true;
        }
        Map<UUID, CompletableFuture<Void>> sends = new LinkedHashMap<>();
        for (EventEnvelope<RequestStalled> stall : stalls) {
            awaitingReturn.add(stall.eventId());
            sends.put(stall.eventId(), publisher.publishStall(stall));
        }
        int failed = 0;
        Throwable lastFailure = null;
        for (Map.Entry<UUID, CompletableFuture<Void>> send : sends.entrySet()) {
            try {
                send.getValue().join();
            } catch (CompletionException notAcknowledged) {
                awaitingReturn.remove(send.getKey());
                failed++;
                lastFailure = notAcknowledged.getCause();
            }
        }
        if (failed > 0) {
            LOG.warnf("%d of %d RequestStalled not acknowledged (%s); the next sweep publishes them again", failed,
                    stalls.size(), lastFailure);
        } else {
            LOG.infof("%d stalled request(s) reported", stalls.size());
        }
        return failed == 0;
    }
}
