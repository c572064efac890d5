package io.fasttrack.flow.assignment.messaging;

import io.fasttrack.flow.assignment.AssignmentSettings;
import io.fasttrack.flow.assignment.domain.AssignmentPolicy;
import io.fasttrack.flow.assignment.domain.Balancer;
import io.fasttrack.flow.assignment.domain.WeightPolicy;
import io.fasttrack.flow.assignment.store.ArchitectEntity;
import io.fasttrack.flow.assignment.store.AssignmentEntity;
import io.fasttrack.flow.assignment.store.AssignmentHistoryEntity;
import io.fasttrack.flow.assignment.store.BalancerClockEntity;
import io.fasttrack.flow.assignment.store.DecisionJournal;
import io.fasttrack.flow.assignment.store.QueuedRequestEntity;
import io.fasttrack.flow.assignment.store.TenantIdentityEntity;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.kit.api.ProblemException;
import io.fasttrack.flow.kit.messaging.InvalidEventException;
import io.fasttrack.flow.kit.messaging.KitSettings;
import io.fasttrack.flow.kit.messaging.TransientFailure;
import io.fasttrack.flow.kit.store.ProcessedEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The decision gate and its transaction: owns the balancer state, and runs every change to it (consumed events,
 * manager actions, the SLA watch, the replay of this service's own decisions) one at a time (a JVM-wide gate), each in
 * one database transaction ({@link #underGate}) that reads its rows set-wise, records the event ids it applied and
 * caused and its decision journal, and commits only once the broker acknowledged what it published (a bounded wait).
 * If a change fails, the in-memory state is rebuilt from the database, which rolled back.
 *
 * <p>Reads of the balancer ({@link #read}) wait only while a change works on it in memory, not while the change waits
 * for the broker or commits: they see the state of the last change applied, which commits unless the broker does not
 * acknowledge in time (then the state is rebuilt and the change comes again, deciding the same under the same ids).
 */
@ApplicationScoped
public class DecisionGate {

    private static final Logger LOG = Logger.getLogger(DecisionGate.class);
    /** How many acknowledgement timeouts a failed change's events may take to settle before the next change retries. */
    static final int SETTLE_WAITS = 12;

    @Inject
    AssignmentSettings settings;

    @Inject
    KitSettings events;

    @Inject
    ProcessedEvents processed;

    @Inject
    DecisionJournal journal;

    @Inject
    DeciderElection decider;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry meters;

    @Inject
    DecisionLog log;

    private final ReentrantLock gate = new ReentrantLock(true);
    private final ReentrantReadWriteLock state = new ReentrantReadWriteLock(true);
    private final CountDownLatch ready = new CountDownLatch(1);
    private final AtomicLong queueLength = new AtomicLong();
    private WeightPolicy weights;
    // replaced and changed only under the write lock of state
    private Balancer balancer;
    private AssignmentPolicy policy;
    // only touched under the gate: the clock as saved, and whether a failed change left the balancer to rebuild
    private Instant savedClock = Instant.EPOCH;
    private boolean stale;
    // only touched under the gate: what a failed change published, still to settle (see settle)
    private List<Change.Sent> unsettled = List.of();
    private volatile Instant replayHorizon = Instant.EPOCH;

    /** The balancer, for the work of a change (under the gate) or of a read ({@link #read}). */
    Balancer balancer() {
        return balancer;
    }

    /** The policy over the balancer, for the work of a change. */
    AssignmentPolicy policy() {
        return policy;
    }

    /** The time of the latest decision found on the log at start-up: inputs up to it do not serve the queue. */
    Instant replayHorizon() {
        return replayHorizon;
    }

    /** Loads the state from the database; the caller then replays the decision log and calls {@link #open}. */
    void load() {
        Map<RequestType, Integer> configured = new EnumMap<>(RequestType.class);
        settings.weights().forEach((type, weight) -> configured.put(RequestType.valueOf(type), weight));
        weights = new WeightPolicy(configured, settings.defaultWeight());
        meters.gauge("fasttrack.assignment.queue.length", queueLength);
        gate.lock();
        try {
            rebuild();
        } finally {
            gate.unlock();
        }
    }

    /**
     * Called after the decision log was re-applied, with the time of the latest decision found there. Every
     * input that happened at or before it was either handled before that decision (its effects are on the
     * log) or handled after it without deciding anything, so it frees no waiting request a second time.
     */
    void open(Instant latestRecordedDecision) {
        replayHorizon = latestRecordedDecision;
        ready.countDown();
    }

    /** Runs one change of state alone and in one transaction, once the state is loaded. */
    <T> T exclusively(Function<Change, T> work) {
        awaitReady();
        return underGate(work);
    }

    /**
     * The one place a change begins: under the gate, in a new transaction. The work runs while reads of the
     * balancer wait; then the change writes its rows and waits (at most {@code fasttrack.events.ack-timeout})
     * for the broker's acks, and commits. A refusal ({@link ProblemException}, {@link InvalidEventException})
     * is raised before the work changes anything, so only other failures rebuild the state.
     */
    <T> T underGate(Function<Change, T> work) {
        gate.lock();
        Change change = new Change(processed, journal);
        try {
            if (stale) {
                rebuild();
            }
            settle();
            T result = QuarkusTransaction.requiringNew().call(() -> {
                // first: only the lease holder decides, and its row lock fences a takeover until the commit
                decider.holdInThisTransaction();
                T done = changingState(() -> work.apply(change));
                saveClock();
                change.write(clock.instant(), events.ackTimeout());
                return done;
            });
            queueLength.addAndGet(change.rows.queueLengthChange());
            return result;
        } catch (ProblemException | InvalidEventException refused) {
            throw refused;
        } catch (RuntimeException failure) {
            stale = true;
            if (unsettled.isEmpty()) {
                unsettled = change.sent();
            }
            try {
                rebuild();
            } catch (RuntimeException stillFailing) {
                // the next change rebuilds first
                failure.addSuppressed(stillFailing);
            }
            throw failure;
        } finally {
            gate.unlock();
        }
    }

    /**
     * A change that failed after publishing may be on the log all the same: the producer still delivers what it holds
     * once the broker answers again, after the change stopped waiting and rolled back. Before anything is decided
     * again, waits (at most {@link #SETTLE_WAITS} acknowledgement timeouts) until the broker acknowledged or refused
     * each of those events, and applies the decisions it acknowledged as recorded, as the start-up replay does: the
     * retried change then finds them decided and publishes nothing a second time.
     */
    private void settle() {
        if (unsettled.isEmpty()) {
            return;
        }
        CompletableFuture<?>[] acks = unsettled.stream().map(sent -> sent.ack().handle((ok, refused) -> null))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(acks).get(events.ackTimeout().multipliedBy(SETTLE_WAITS).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException stillOpen) {
            throw new TransientFailure("the events of a failed change are neither acknowledged nor refused yet", stillOpen);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new TransientFailure("interrupted while the events of a failed change settle", interrupted);
        }
        List<EventEnvelope<EventData>> delivered = new ArrayList<>();
        for (Change.Sent sent : unsettled) {
            if (!sent.ack().isCompletedExceptionally() && DecisionLog.isDecision(sent.envelope().data())) {
                @SuppressWarnings("unchecked")
                EventEnvelope<EventData> decision = (EventEnvelope<EventData>) sent.envelope();
                delivered.add(decision);
            }
        }
        List<Change.Sent> pending = unsettled;
        // the change that applies them comes through here too
        unsettled = List.of();
        if (delivered.isEmpty()) {
            return;
        }
        LOG.infof("%d decision(s) of a failed change reached the log all the same: applied as recorded", delivered.size());
        try {
            log.applyRecorded(delivered, (decision, refused) -> {
                LOG.warnf("a decision of this service's own failed change is refused: %s", refused.getMessage());
                return CompletableFuture.completedFuture(null);
            });
        } catch (RuntimeException failed) {
            unsettled = pending;
            throw failed;
        }
    }

    private <T> T changingState(Supplier<T> work) {
        state.writeLock().lock();
        try {
            return work.get();
        } finally {
            state.writeLock().unlock();
        }
    }

    private void saveClock() {
        if (!balancer.clock().equals(savedClock)) {
            BalancerClockEntity.save(balancer.clock());
            savedClock = balancer.clock();
        }
    }

    void awaitReady() {
        try {
            if (!ready.await(5, TimeUnit.MINUTES)) {
                throw new TransientFailure("the assignment state is not loaded yet");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure("interrupted while the assignment state loads", e);
        }
    }

    /** The latest time an event may be decided at: the service's clock plus the allowed skew. */
    InputChecks.Horizon horizon() {
        return InputChecks.Horizon.of(clock.instant(), events.maxClockSkew());
    }

    /** An empty balancer with the service's policy settings: the start of a rebuild, or of a replay of the history. */
    public Balancer newBalancer() {
        return new Balancer(weights, settings.explanationTopK(), settings.continuity().lookback());
    }

    /** The service's weights with those given changed: what a simulation decides with. */
    public WeightPolicy weightsWith(Map<RequestType, Integer> changedWeights) {
        Map<RequestType, Integer> simulated = new EnumMap<>(RequestType.class);
        for (RequestType type : RequestType.values()) {
            simulated.put(type, weights.weightOf(type));
        }
        simulated.putAll(changedWeights);
        return new WeightPolicy(simulated, settings.defaultWeight());
    }

    public Duration continuityLookback() {
        return settings.continuity().lookback();
    }

    /** Builds the balancer afresh from the database, in a transaction of its own. */
    private void rebuild() {
        QuarkusTransaction.requiringNew().run(() -> {
            Balancer fresh = newBalancer();
            Instant saved = BalancerClockEntity.load();
            Instant at = saved;
            if (saved.isAfter(horizon().latest())) {
                // saved before inputs dated ahead of the clock were refused: decisions resume at the real time
                at = clock.instant();
                LOG.warnf("the saved balancer clock %s is ahead of this service's clock; it resumes at %s", saved, at);
            }
            fresh.advanceTo(at);
            for (ArchitectEntity row : ArchitectEntity.<ArchitectEntity>listAll()) {
                fresh.upsertArchitect(row.toArchitect(), at);
            }
            Instant windowStart = at.minus(Balancer.TRAILING_WINDOW);
            for (Object[] last : AssignmentHistoryEntity.lastPerArchitect()) {
                if (!((Instant) last[1]).isAfter(windowStart)) {
                    fresh.restoreHistory((String) last[0], (Instant) last[1]);
                }
            }
            for (AssignmentHistoryEntity entry : AssignmentHistoryEntity.since(windowStart)) {
                fresh.restoreHistory(entry.architectId, entry.assignedAt);
            }
            for (AssignmentEntity open : AssignmentEntity.allOpen()) {
                fresh.restoreOpen(open.requestId, open.architectId, open.tenantId, open.weight);
            }
            for (AssignmentEntity completed : AssignmentEntity.completedSince(at.minus(settings.continuity().lookback()))) {
                fresh.restoreCompleted(completed.tenantId, completed.architectId, completed.completedAt);
            }
            for (TenantIdentityEntity identity : TenantIdentityEntity.inOrderApplied()) {
                fresh.identify(identity.placeholderId, identity.tenantId);
            }
            long waiting = QueuedRequestEntity.count();
            changingState(() -> {
                balancer = fresh;
                policy = new AssignmentPolicy(fresh);
                return fresh;
            });
            savedClock = saved;
            queueLength.set(waiting);
            stale = false;
        });
    }

    /** A query of the balancer; it waits only while a change works on the balancer in memory. */
    public <T> T read(Function<Balancer, T> query) {
        awaitReady();
        state.readLock().lock();
        try {
            return query.apply(balancer);
        } finally {
            state.readLock().unlock();
        }
    }
}
