package io.fasttrack.flow.assignment.messaging;

import io.fasttrack.flow.assignment.AssignmentSettings;
import io.fasttrack.flow.assignment.domain.Architect;
import io.fasttrack.flow.assignment.domain.ArchitectView;
import io.fasttrack.flow.assignment.domain.AssignmentRequest;
import io.fasttrack.flow.assignment.domain.Balancer;
import io.fasttrack.flow.assignment.domain.BusinessCalendar;
import io.fasttrack.flow.assignment.domain.DecidingRule;
import io.fasttrack.flow.assignment.domain.Decision;
import io.fasttrack.flow.assignment.domain.Exclusion;
import io.fasttrack.flow.assignment.domain.WeightPolicy;
import io.fasttrack.flow.assignment.store.ArchitectEntity;
import io.fasttrack.flow.assignment.store.AssignmentEntity;
import io.fasttrack.flow.assignment.store.AssignmentHistoryEntity;
import io.fasttrack.flow.assignment.store.BalancerClockEntity;
import io.fasttrack.flow.assignment.store.DecisionRecord;
import io.fasttrack.flow.assignment.store.QueuedRequestEntity;
import io.fasttrack.flow.assignment.store.StoredJson;
import io.fasttrack.flow.events.ArchitectRegistered;
import io.fasttrack.flow.events.ArchitectUpdated;
import io.fasttrack.flow.events.AssignmentSlaBreached;
import io.fasttrack.flow.events.EngagementCompleted;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.RequestQueued;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.events.model.ArchitectProfile;
import io.fasttrack.flow.events.model.ArchitectRef;
import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestSnapshot;
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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Owns the balancer state and applies every change to it: consumed events, manager actions, SLA checks and
 * the replay of this service's own decisions. One change at a time (a JVM-wide gate), each in one database
 * transaction ({@link #underGate}) that reads its rows set-wise, records the event ids it applied and caused,
 * and commits only once the broker acknowledged what it published (a bounded wait). If a change fails, the
 * in-memory state is rebuilt from the database, which rolled back.
 *
 * <p>Reads of the balancer ({@link #read}) wait only while a change works on it in memory, not while the
 * change waits for the broker or commits: they see the state of the last change applied, which commits unless
 * the broker does not acknowledge in time (then the state is rebuilt and the change comes again, deciding the
 * same under the same event ids).
 */
@ApplicationScoped
public class AssignmentEngine {

    public static final String SOURCE = "assignment-service";
    private static final Logger LOG = Logger.getLogger(AssignmentEngine.class);

    @Inject
    AssignmentSettings settings;

    @Inject
    KitSettings events;

    @Inject
    ProcessedEvents processed;

    @Inject
    DeciderElection decider;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry meters;

    // a batch of inputs hands hundreds of decisions over at once; the batch size bounds the buffer
    @Inject
    @Channel("assignments-out")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<EventEnvelope<?>> assignments;

    @Inject
    @Channel("roster-out")
    Emitter<EventEnvelope<?>> roster;

    private final ReentrantLock gate = new ReentrantLock(true);
    private final ReentrantReadWriteLock state = new ReentrantReadWriteLock(true);
    private final CountDownLatch ready = new CountDownLatch(1);
    private final AtomicLong queueLength = new AtomicLong();
    private WeightPolicy weights;
    private BusinessCalendar calendar;
    // replaced and changed only under the write lock of state
    private Balancer balancer;
    // only touched under the gate: the clock as saved, and whether a failed change left the balancer to rebuild
    private Instant savedClock = Instant.EPOCH;
    private boolean stale;
    private volatile Instant replayHorizon = Instant.EPOCH;

    /** Loads the state from the database; the caller then replays the decision log and calls {@link #open}. */
    void load() {
        Map<RequestType, Integer> configured = new EnumMap<>(RequestType.class);
        settings.weights().forEach((type, weight) -> configured.put(RequestType.valueOf(type), weight));
        weights = new WeightPolicy(configured, settings.defaultWeight());
        calendar = new BusinessCalendar(settings.sla().holidays().orElse(List.of()).stream().map(LocalDate::parse).toList(),
                settings.sla().businessDays());
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
        try {
            if (stale) {
                rebuild();
            }
            Change change = new Change(processed);
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

    private void awaitReady() {
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

    /** Builds the balancer afresh from the database, in a transaction of its own. */
    private void rebuild() {
        QuarkusTransaction.requiringNew().run(() -> {
            Balancer fresh = new Balancer(weights, settings.explanationTopK());
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
            long waiting = QueuedRequestEntity.count();
            changingState(() -> balancer = fresh);
            savedClock = saved;
            queueLength.set(waiting);
            stale = false;
        });
    }

    /**
     * Applies consumed events in order, in one change: those applied before are skipped (one query), an
     * invalid one refuses the whole batch before anything changes (the consumer then applies the batch one
     * event at a time and dead-letters that one alone), the rows are read set-wise, and the events they cause are
     * sent as they are decided and acknowledged together before the commit.
     */
    public void apply(List<EventEnvelope<EventData>> consumed) {
        exclusively(change -> {
            List<EventEnvelope<EventData>> fresh = change.fresh(consumed);
            checkInputs(fresh);
            readRowsOf(change, fresh);
            for (EventEnvelope<EventData> event : fresh) {
                if (event.data() instanceof RequestSubmitted submitted) {
                    applyRequestSubmitted(change, event, submitted);
                } else if (event.data() instanceof ArchitectRegistered registered) {
                    applyRosterChange(change, event, registered.architect());
                } else if (event.data() instanceof ArchitectUpdated updated) {
                    applyRosterChange(change, event, updated.architect());
                } else if (event.data() instanceof EngagementCompleted completed) {
                    applyEngagementCompleted(change, event, completed);
                }
            }
            return null;
        });
    }

    private void checkInputs(List<EventEnvelope<EventData>> fresh) {
        InputChecks.Horizon horizon = horizon();
        Set<String> registeredBefore = new HashSet<>();
        for (EventEnvelope<EventData> event : fresh) {
            InputChecks.checkInput(event, horizon, id -> balancer.knows(id) || registeredBefore.contains(id));
            if (event.data() instanceof ArchitectRegistered registered) {
                registeredBefore.add(registered.architect().id());
            }
        }
    }

    /** The rows the events will change, read set-wise; an architect new to the roster has none to read. */
    private void readRowsOf(Change change, List<EventEnvelope<EventData>> fresh) {
        List<String> submitted = new ArrayList<>();
        List<String> completed = new ArrayList<>();
        List<String> architects = new ArrayList<>();
        for (EventEnvelope<EventData> event : fresh) {
            if (event.data() instanceof RequestSubmitted request) {
                submitted.add(request.requestId());
            } else if (event.data() instanceof EngagementCompleted engagement) {
                completed.add(engagement.requestId());
            } else if (event.data() instanceof ArchitectUpdated updated) {
                architects.add(updated.architect().id());
            } else if (event.data() instanceof ArchitectRegistered registered && balancer.knows(registered.architect().id())) {
                architects.add(registered.architect().id());
            }
        }
        List<String> requests = new ArrayList<>(submitted);
        requests.addAll(completed);
        change.rows.readAssignments(requests);
        change.rows.readQueued(submitted);
        change.rows.readArchitects(architects);
    }

    private void applyRequestSubmitted(Change change, EventEnvelope<EventData> cause, RequestSubmitted submitted) {
        String requestId = submitted.requestId();
        if (change.rows.assignment(requestId).isPresent()) {
            return;
        }
        Optional<QueuedRequestEntity> queued = change.rows.queued(requestId);
        if (queued.isPresent()) {
            // rebuilt from the decision log before the request itself: the decision stands, the request completes it
            if (queued.get().snapshot == null) {
                queued.get().snapshot = StoredJson.write(submitted.snapshot());
            }
            return;
        }
        RequestSnapshot snapshot = submitted.snapshot();
        Instant deadline = calendar.deadline(submitted.submittedAt(), zoneOf(snapshot.timeZone()));
        Decision decision = balancer.decide(toRequest(snapshot), submitted.submittedAt(), Set.of());
        if (decision.assigned()) {
            recordAssignment(change, change.rows.newAssignment(requestId), snapshot, decision, deadline,
                    cause.derivedId("FtaAssigned"), cause.eventId().toString(), null);
        } else {
            recordQueued(change, snapshot, decision, deadline, cause.derivedId("RequestQueued"), cause.eventId().toString());
        }
    }

    private void applyEngagementCompleted(Change change, EventEnvelope<EventData> cause, EngagementCompleted completed) {
        Instant at = InputChecks.decisionTime(cause);
        balancer.advanceTo(at);
        change.rows.assignment(completed.requestId()).filter(row -> row.open).ifPresent(row -> {
            row.open = false;
            row.completedAt = at;
            balancer.release(completed.requestId());
        });
        assignWaiting(change, cause, at);
    }

    private void applyRosterChange(Change change, EventEnvelope<?> cause, ArchitectProfile profile) {
        boolean onRoster = balancer.knows(profile.id());
        balancer.upsertArchitect(toArchitect(profile), cause.occurredAt());
        ArchitectEntity row = onRoster
                ? change.rows.architect(profile.id()).orElseGet(() -> change.rows.newArchitect(profile.id()))
                : change.rows.newArchitect(profile.id());
        row.fill(profile, cause.occurredAt());
        assignWaiting(change, cause, cause.occurredAt());
    }

    /** Gives freed or new capacity to waiting requests, earliest SLA deadline first. */
    private void assignWaiting(Change change, EventEnvelope<?> cause, Instant at) {
        if (!cause.occurredAt().isAfter(replayHorizon)) {
            return;
        }
        assignWaiting(change, at, queued -> cause.derivedId("FtaAssigned/" + queued.requestId), cause.eventId().toString());
    }

    /**
     * A sweep at the wall-clock time, run with the SLA check: a waiting request that an input skipped by the
     * replay rule above could have taken is not left waiting for the next roster or engagement event.
     */
    public void assignWaitingNow() {
        exclusively(change -> {
            assignWaiting(change, clock.instant(), queued -> UUID.nameUUIDFromBytes(
                    (queued.queuedEventId + "/FtaAssigned").getBytes(StandardCharsets.UTF_8)), null);
            return null;
        });
    }

    private void assignWaiting(Change change, Instant at, Function<QueuedRequestEntity, UUID> decisionId,
            String causationId) {
        for (QueuedRequestEntity queued : change.rows.waiting()) {
            if (queued.snapshot == null) {
                continue;
            }
            RequestSnapshot snapshot = StoredJson.read(queued.snapshot, RequestSnapshot.class);
            Decision decision = balancer.decide(toRequest(snapshot), at, Set.of());
            if (decision.assigned()) {
                change.rows.dequeue(queued);
                Instant deadline = calendar.deadline(snapshot.submittedAt(), zoneOf(snapshot.timeZone()));
                recordAssignment(change, change.rows.newAssignment(queued.requestId), snapshot, decision, deadline,
                        decisionId.apply(queued), causationId, null);
            }
        }
    }

    public ArchitectView register(ArchitectProfile profile) {
        return exclusively(change -> {
            if (balancer.knows(profile.id())) {
                throw ProblemException.conflict("architect " + profile.id() + " is already registered");
            }
            EventEnvelope<ArchitectRegistered> event = EventEnvelope.of(clock.instant(), SOURCE, null, null,
                    new ArchitectRegistered(profile));
            publishRosterChange(change, event);
            applyRosterChange(change, event, profile);
            return balancer.view(profile.id()).orElseThrow();
        });
    }

    public ArchitectView update(ArchitectProfile profile) {
        return exclusively(change -> {
            if (!balancer.knows(profile.id())) {
                throw ProblemException.notFound("no architect " + profile.id());
            }
            EventEnvelope<ArchitectUpdated> event = EventEnvelope.of(clock.instant(), SOURCE, null, null,
                    new ArchitectUpdated(profile));
            publishRosterChange(change, event);
            applyRosterChange(change, event, profile);
            return balancer.view(profile.id()).orElseThrow();
        });
    }

    /** A manager's roster change is published and applied here under its event id; its copy on the topic is a no-op. */
    private void publishRosterChange(Change change, EventEnvelope<?> event) {
        change.publish(roster, event);
        change.applied(event.eventId());
    }

    /** Moves an open assignment to the named architect, or to the balancer's choice among the others. */
    public DecisionRecord reassign(String requestId, Optional<String> target) {
        return exclusively(change -> {
            AssignmentEntity assignment = change.rows.assignment(requestId).orElseThrow(() ->
                    change.rows.queued(requestId).isPresent()
                            ? ProblemException.conflict("request " + requestId + " is waiting in the queue, not assigned")
                            : ProblemException.notFound("no decision for request " + requestId));
            if (!assignment.open) {
                throw ProblemException.conflict("the engagement of request " + requestId + " is completed");
            }
            DecisionRecord current = StoredJson.read(assignment.decision, DecisionRecord.class);
            AssignmentRequest request = toRequest(current.request());
            Instant at = clock.instant();
            Decision decision;
            if (target.isPresent()) {
                String to = target.get();
                if (!balancer.knows(to)) {
                    throw ProblemException.notFound("no architect " + to);
                }
                Optional<Exclusion> refusal = balancer.refusalOf(to, request, at);
                if (refusal.isPresent()) {
                    throw ProblemException.conflict("architect " + to + " cannot take request " + requestId + ": "
                            + refusal.get());
                }
                decision = new Decision(requestId, to, DecidingRule.MANAGER, current.role(), assignment.weight,
                        balancer.clock(), List.of(balancer.evaluate(to, request)), Map.of());
            } else {
                decision = balancer.decide(request, at, Set.of(assignment.architectId));
                if (!decision.assigned()) {
                    throw ProblemException.conflict("nobody else can take request " + requestId + " now: "
                            + reason(decision));
                }
            }
            String from = assignment.architectId;
            balancer.release(requestId);
            return recordAssignment(change, assignment, current.request(), decision, current.slaDeadline(),
                    UUID.randomUUID(), null, from);
        });
    }

    /** Publishes AssignmentSlaBreached, once, for every waiting request whose deadline has passed. */
    public int checkSla() {
        return exclusively(change -> {
            Instant now = clock.instant();
            int breached = 0;
            for (QueuedRequestEntity queued : QueuedRequestEntity.breachedBy(now)) {
                ArchitectRole role = ArchitectRole.valueOf(queued.role);
                RequestQueue queue = role == ArchitectRole.FTCHELP ? RequestQueue.FTCHELP : RequestQueue.FTA;
                String teamManager = settings.sla().teamManagers().getOrDefault(queue.name(), settings.sla().teamManager());
                UUID eventId = UUID.nameUUIDFromBytes((queued.queuedEventId + "/AssignmentSlaBreached")
                        .getBytes(StandardCharsets.UTF_8));
                EventEnvelope<AssignmentSlaBreached> event = EventEnvelope.of(eventId, now, SOURCE, queued.requestId,
                        queued.queuedEventId.toString(), new AssignmentSlaBreached(queued.requestId, queued.tenantId, queue,
                                role, teamManager, queued.slaDeadline, now));
                change.applied(eventId);
                queued.slaBreached = true;
                change.publish(assignments, event);
                meters.counter("fasttrack.assignment.sla.breaches").increment();
                breached++;
            }
            return breached;
        });
    }

    /**
     * Re-applies decisions read from this service's own assignments topic, in one change: the log is the record
     * of what was decided, so a decision found there is applied as it stands and never decided again. A record
     * that cannot be applied (no architect, a date ahead of the clock) is handed to {@code deadLetter}, whose
     * send is acknowledged before the change commits; it is then recorded as handled, so it is dead-lettered once.
     */
    void applyRecorded(List<EventEnvelope<EventData>> recorded,
            BiFunction<EventEnvelope<EventData>, InvalidEventException, CompletableFuture<Void>> deadLetter) {
        underGate(change -> {
            InputChecks.Horizon horizon = horizon();
            List<EventEnvelope<EventData>> valid = new ArrayList<>();
            for (EventEnvelope<EventData> decision : change.fresh(recorded)) {
                try {
                    InputChecks.checkRecorded(decision, horizon);
                    valid.add(decision);
                } catch (InvalidEventException refused) {
                    LOG.warnf("skipping decision %s of the decision log: %s", decision.eventId(), refused.getMessage());
                    change.awaitBeforeCommit(deadLetter.apply(decision, refused));
                }
            }
            List<String> requestIds = valid.stream().map(decision -> recordedRequestId(decision.data()))
                    .filter(Objects::nonNull).toList();
            change.rows.readAssignments(requestIds);
            change.rows.readQueued(requestIds);
            valid.forEach(decision -> applyRecorded(change, decision));
            return null;
        });
    }

    private static String recordedRequestId(EventData data) {
        if (data instanceof FtaAssigned assigned) {
            return assigned.requestId();
        }
        if (data instanceof RequestQueued queued) {
            return queued.requestId();
        }
        return data instanceof AssignmentSlaBreached breach ? breach.requestId() : null;
    }

    private void applyRecorded(Change change, EventEnvelope<EventData> recorded) {
        if (recorded.data() instanceof FtaAssigned assigned) {
            applyRecordedAssignment(change, recorded, assigned);
        } else if (recorded.data() instanceof RequestQueued queued) {
            if (change.rows.assignment(queued.requestId()).isEmpty() && change.rows.queued(queued.requestId()).isEmpty()) {
                QueuedRequestEntity row = new QueuedRequestEntity();
                row.requestId = queued.requestId();
                row.tenantId = queued.tenantId();
                row.role = queued.role().name();
                row.weight = queued.weight();
                row.slaDeadline = queued.slaDeadline();
                row.queuedAt = queued.queuedAt();
                row.queuedEventId = recorded.eventId();
                row.decision = StoredJson.write(new DecisionRecord(queued.requestId(), queued.tenantId(), "QUEUED", null,
                        DecidingRule.QUEUE.name(), queued.role(), queued.weight(), queued.slaDeadline(), queued.queuedAt(),
                        null, recorded.eventId(), queued.reason(), queued.candidates(), Map.of(), null));
                change.rows.queue(row);
            }
        } else if (recorded.data() instanceof AssignmentSlaBreached breach) {
            change.rows.queued(breach.requestId()).ifPresent(row -> row.slaBreached = true);
        }
    }

    private void applyRecordedAssignment(Change change, EventEnvelope<EventData> recorded, FtaAssigned assigned) {
        Optional<AssignmentEntity> existing = change.rows.assignment(assigned.requestId());
        Instant at = assigned.assignedAt() != null ? assigned.assignedAt() : recorded.occurredAt();
        if (existing.isPresent() && (!existing.get().open || existing.get().architectId.equals(assigned.architect().id()))) {
            return;
        }
        if (existing.isPresent()) {
            balancer.release(assigned.requestId());
        }
        change.rows.queued(assigned.requestId()).ifPresent(change.rows::dequeue);
        balancer.assign(assigned.requestId(), assigned.architect().id(), assigned.tenantId(), assigned.weight(), at);
        DecisionRecord record = new DecisionRecord(assigned.requestId(), assigned.tenantId(), "ASSIGNED", assigned.architect(),
                assigned.decidingRule(), assigned.architect().role(), assigned.weight(), assigned.slaDeadline(), at,
                assigned.reassignedFrom(), recorded.eventId(), null, assigned.candidates(), Map.of(), assigned.request());
        saveAssignment(change, existing.orElseGet(() -> change.rows.newAssignment(assigned.requestId())), record);
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

    private DecisionRecord recordAssignment(Change change, AssignmentEntity row, RequestSnapshot snapshot, Decision decision,
            Instant deadline, UUID eventId, String causationId, String reassignedFrom) {
        balancer.assign(snapshot.requestId(), decision.architectId(), snapshot.customer().tenantId(), decision.weight(),
                decision.decidedAt());
        ArchitectRef architect = refOf(decision.architectId());
        FtaAssigned assigned = new FtaAssigned(snapshot.requestId(), snapshot.customer().tenantId(), architect, snapshot,
                decision.weight(), deadline, decision.decidedAt(), decision.rule().name(), decision.candidates(), reassignedFrom);
        DecisionRecord record = new DecisionRecord(snapshot.requestId(), snapshot.customer().tenantId(), "ASSIGNED", architect,
                decision.rule().name(), decision.role(), decision.weight(), deadline, decision.decidedAt(), reassignedFrom,
                eventId, null, decision.candidates(), counts(decision), snapshot);
        saveAssignment(change, row, record);
        change.applied(eventId);
        change.publish(assignments, EventEnvelope.of(eventId, decision.decidedAt(), SOURCE, snapshot.requestId(),
                causationId, assigned));
        meters.counter("fasttrack.assignment.decisions", "rule", decision.rule().name()).increment();
        return record;
    }

    /** The assignment row takes the decision (and is open); the history gains one entry. */
    private static void saveAssignment(Change change, AssignmentEntity row, DecisionRecord record) {
        row.tenantId = record.tenantId();
        row.architectId = record.architect().id();
        row.weight = record.weight();
        row.open = true;
        row.assignedAt = record.decidedAt();
        row.decisionEventId = record.eventId();
        row.decision = StoredJson.write(record);
        change.rows.addHistory(AssignmentHistoryEntity.of(record.eventId(), record.requestId(), record.architect().id(),
                record.decidedAt()));
    }

    private void recordQueued(Change change, RequestSnapshot snapshot, Decision decision, Instant deadline, UUID eventId,
            String causationId) {
        String reason = reason(decision);
        RequestQueued queued = new RequestQueued(snapshot.requestId(), snapshot.customer().tenantId(), snapshot.queue(),
                decision.role(), decision.weight(), deadline, decision.decidedAt(), reason, decision.candidates());
        QueuedRequestEntity row = new QueuedRequestEntity();
        row.requestId = snapshot.requestId();
        row.tenantId = snapshot.customer().tenantId();
        row.role = decision.role().name();
        row.weight = decision.weight();
        row.slaDeadline = deadline;
        row.queuedAt = decision.decidedAt();
        row.queuedEventId = eventId;
        row.snapshot = StoredJson.write(snapshot);
        row.decision = StoredJson.write(new DecisionRecord(snapshot.requestId(), snapshot.customer().tenantId(), "QUEUED",
                null, DecidingRule.QUEUE.name(), decision.role(), decision.weight(), deadline, decision.decidedAt(), null,
                eventId, reason, decision.candidates(), counts(decision), snapshot));
        change.rows.queue(row);
        change.applied(eventId);
        change.publish(assignments, EventEnvelope.of(eventId, decision.decidedAt(), SOURCE, snapshot.requestId(),
                causationId, queued));
        meters.counter("fasttrack.assignment.decisions", "rule", DecidingRule.QUEUE.name()).increment();
    }

    private static String reason(Decision decision) {
        return "no eligible " + decision.role() + " for weight " + decision.weight() + "; excluded: "
                + new TreeMap<>(decision.excludedCounts()).entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static Map<String, Integer> counts(Decision decision) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        new TreeMap<>(decision.excludedCounts()).forEach((reason, count) -> counts.put(reason.name(), count));
        return counts;
    }

    private ArchitectRef refOf(String architectId) {
        Architect profile = balancer.view(architectId).orElseThrow().profile();
        return new ArchitectRef(profile.id(), profile.name(), profile.role(), profile.region(), profile.teamManager());
    }

    static AssignmentRequest toRequest(RequestSnapshot snapshot) {
        return new AssignmentRequest(snapshot.requestId(), snapshot.customer().tenantId(), snapshot.type(), snapshot.queue(),
                snapshot.getModern(), snapshot.region(), snapshot.workloads());
    }

    static ZoneId zoneOf(String timeZone) {
        try {
            return timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone);
        } catch (DateTimeException unknown) {
            LOG.warnf("unknown time zone %s: SLA deadline computed in UTC", timeZone);
            return ZoneOffset.UTC;
        }
    }

    static Architect toArchitect(ArchitectProfile profile) {
        return new Architect(profile.id(), profile.name(), profile.role(), profile.region(), ZoneId.of(profile.timeZone()),
                profile.capacity(), profile.skills() == null ? Set.of() : Set.copyOf(profile.skills()), profile.teamManager(),
                profile.awayFrom(), profile.awayTo());
    }

    /** The stored decision for a request, with its current status; empty if the service never saw it. */
    public Optional<DecisionRecord> decisionOf(String requestId) {
        awaitReady();
        return QuarkusTransaction.requiringNew().call(() -> {
            AssignmentEntity assignment = AssignmentEntity.findById(requestId);
            if (assignment != null) {
                return Optional.of(StoredJson.read(assignment.decision, DecisionRecord.class)
                        .withStatus(assignment.open ? "ASSIGNED" : "COMPLETED"));
            }
            QueuedRequestEntity queued = QueuedRequestEntity.findById(requestId);
            return Optional.ofNullable(queued).map(q -> StoredJson.read(q.decision, DecisionRecord.class));
        });
    }
}
