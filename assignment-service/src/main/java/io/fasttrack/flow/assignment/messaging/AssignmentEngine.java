package io.fasttrack.flow.assignment.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fasttrack.flow.assignment.AssignmentSettings;
import io.fasttrack.flow.assignment.api.ApiException;
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
import io.fasttrack.flow.assignment.store.ProcessedEventEntity;
import io.fasttrack.flow.assignment.store.QueuedRequestEntity;
import io.fasttrack.flow.events.ArchitectRegistered;
import io.fasttrack.flow.events.ArchitectUpdated;
import io.fasttrack.flow.events.AssignmentSlaBreached;
import io.fasttrack.flow.events.EngagementCompleted;
import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.RequestQueued;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.events.model.ArchitectProfile;
import io.fasttrack.flow.events.model.ArchitectRef;
import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestSnapshot;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.Workload;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Owns the balancer state and applies every change to it: consumed events, manager actions, SLA checks and
 * the replay of this service's own decisions. One change at a time (a JVM-wide gate), each in its own
 * database transaction that also records the event ids it applied and published; the outgoing events are
 * acknowledged by the broker before that transaction commits. If anything fails, the in-memory indexes are
 * rebuilt from the database, which rolled back.
 */
@ApplicationScoped
public class AssignmentEngine {

    public static final String SOURCE = "assignment-service";
    private static final Logger LOG = Logger.getLogger(AssignmentEngine.class);

    @Inject
    AssignmentSettings settings;

    @Inject
    EventPublisher publisher;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry meters;

    private final ReentrantLock gate = new ReentrantLock(true);
    // the acks of what the change under the gate published; only touched while holding the gate
    private final List<CompletableFuture<Void>> unacknowledged = new ArrayList<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final AtomicLong queueLength = new AtomicLong();
    private WeightPolicy weights;
    private BusinessCalendar calendar;
    private Balancer balancer;
    private volatile Instant replayHorizon = Instant.EPOCH;

    /** Loads the state from the database; the caller then replays the decision log and calls {@link #open()}. */
    void load() {
        Map<RequestType, Integer> configured = new EnumMap<>(RequestType.class);
        settings.weights().forEach((type, weight) -> configured.put(RequestType.valueOf(type), weight));
        weights = new WeightPolicy(configured, settings.defaultWeight());
        calendar = new BusinessCalendar(settings.sla().holidays().orElse(List.of()).stream().map(LocalDate::parse).toList(),
                settings.sla().businessDays());
        meters.gauge("fasttrack.assignment.queue.length", queueLength);
        gate.lock();
        try {
            QuarkusTransaction.requiringNew().run(this::rebuild);
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

    /** Runs one change of state alone and in one transaction. */
    public <T> T exclusively(Supplier<T> change) {
        awaitReady();
        return underGate(change);
    }

    <T> T underGate(Supplier<T> change) {
        gate.lock();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                T result = change.get();
                BalancerClockEntity.save(balancer.clock());
                queueLength.set(QueuedRequestEntity.count());
                awaitAcks();
                return result;
            });
        } catch (ApiException refused) {
            throw refused;
        } catch (RuntimeException failure) {
            QuarkusTransaction.requiringNew().run(this::rebuild);
            throw failure;
        } finally {
            unacknowledged.clear();
            gate.unlock();
        }
    }

    /** Every event published by the change must be acknowledged by the broker before its transaction commits. */
    private void awaitAcks() {
        try {
            CompletableFuture.allOf(unacknowledged.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException notAcknowledged) {
            throw new IllegalStateException("the broker did not acknowledge every event of the change: "
                    + notAcknowledged.getCause().getMessage(), notAcknowledged.getCause());
        }
    }

    private void publishAssignmentEvent(EventEnvelope<?> envelope) {
        unacknowledged.add(publisher.publishAssignmentEvent(envelope));
    }

    private void publishRosterEvent(EventEnvelope<?> envelope) {
        unacknowledged.add(publisher.publishRosterEvent(envelope));
    }

    private void awaitReady() {
        try {
            if (!ready.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the assignment state is not loaded yet");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void rebuild() {
        Balancer fresh = new Balancer(weights, settings.explanationTopK());
        Instant at = BalancerClockEntity.load();
        fresh.advanceTo(at);
        for (ArchitectEntity row : ArchitectEntity.<ArchitectEntity>listAll()) {
            fresh.upsertArchitect(toArchitect(row), at);
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
        balancer = fresh;
        queueLength.set(QueuedRequestEntity.count());
    }

    // ---- consumed events -------------------------------------------------------------------------------

    /**
     * Applies consumed events in order, all in one transaction: the events they cause are sent as they are
     * decided and acknowledged together before the commit. Types this engine does not use are ignored.
     */
    public void apply(List<EventEnvelope<EventData>> events) {
        exclusively(() -> {
            for (EventEnvelope<EventData> event : events) {
                if (event.data() instanceof RequestSubmitted submitted) {
                    applyRequestSubmitted(event, submitted);
                } else if (event.data() instanceof ArchitectRegistered registered) {
                    applyRosterChange(event, registered.architect());
                } else if (event.data() instanceof ArchitectUpdated updated) {
                    applyRosterChange(event, updated.architect());
                } else if (event.data() instanceof EngagementCompleted completed) {
                    applyEngagementCompleted(event, completed);
                }
            }
            return null;
        });
    }

    private void applyRequestSubmitted(EventEnvelope<EventData> cause, RequestSubmitted submitted) {
        if (!firstTime(cause.eventId())) {
            return;
        }
        if (AssignmentEntity.findById(submitted.requestId()) != null) {
            return;
        }
        QueuedRequestEntity queued = QueuedRequestEntity.findById(submitted.requestId());
        if (queued != null) {
            // rebuilt from the decision log before the request itself: the decision stands, the request completes it
            queued.snapshot = json(submitted.snapshot());
            return;
        }
        RequestSnapshot snapshot = submitted.snapshot();
        Instant deadline = calendar.deadline(submitted.submittedAt(), zoneOf(snapshot.timeZone()));
        Decision decision = balancer.decide(toRequest(snapshot), submitted.submittedAt(), Set.of());
        if (decision.assigned()) {
            recordAssignment(snapshot, decision, deadline, cause.derivedId("FtaAssigned"), cause.eventId().toString(), null);
        } else {
            recordQueued(snapshot, decision, deadline, cause.derivedId("RequestQueued"), cause.eventId().toString());
        }
    }

    private void applyEngagementCompleted(EventEnvelope<EventData> cause, EngagementCompleted completed) {
        if (!firstTime(cause.eventId())) {
            return;
        }
        Instant at = completed.completedAt() != null ? completed.completedAt() : cause.occurredAt();
        balancer.advanceTo(at);
        AssignmentEntity assignment = AssignmentEntity.findById(completed.requestId());
        if (assignment != null && assignment.open) {
            assignment.open = false;
            assignment.completedAt = at;
            balancer.release(completed.requestId());
        }
        assignWaiting(cause, at);
    }

    private void applyRosterChange(EventEnvelope<?> cause, ArchitectProfile profile) {
        if (!firstTime(cause.eventId())) {
            return;
        }
        Architect architect = toArchitect(profile);
        balancer.upsertArchitect(architect, cause.occurredAt());
        ArchitectEntity row = ArchitectEntity.findById(profile.id());
        if (row == null) {
            row = new ArchitectEntity();
            row.id = profile.id();
            fill(row, profile, cause.occurredAt());
            row.persist();
        } else {
            fill(row, profile, cause.occurredAt());
        }
        assignWaiting(cause, cause.occurredAt());
    }

    /** Gives freed or new capacity to waiting requests, earliest SLA deadline first. */
    private void assignWaiting(EventEnvelope<?> cause, Instant at) {
        if (!cause.occurredAt().isAfter(replayHorizon)) {
            return;
        }
        assignWaiting(at, queued -> cause.derivedId("FtaAssigned/" + queued.requestId), cause.eventId().toString());
    }

    /**
     * A sweep at the wall-clock time, run with the SLA check: a waiting request that an input skipped by the
     * replay rule above could have taken is not left waiting for the next roster or engagement event.
     */
    public void assignWaitingNow() {
        exclusively(() -> {
            assignWaiting(clock.instant(), queued -> UUID.nameUUIDFromBytes(
                    (queued.queuedEventId + "/FtaAssigned").getBytes(StandardCharsets.UTF_8)), null);
            return null;
        });
    }

    private void assignWaiting(Instant at, java.util.function.Function<QueuedRequestEntity, UUID> decisionId,
            String causationId) {
        for (QueuedRequestEntity queued : QueuedRequestEntity.inDeadlineOrder()) {
            if (queued.snapshot == null) {
                continue;
            }
            RequestSnapshot snapshot = read(queued.snapshot, RequestSnapshot.class);
            Decision decision = balancer.decide(toRequest(snapshot), at, Set.of());
            if (decision.assigned()) {
                queued.delete();
                Instant deadline = calendar.deadline(snapshot.submittedAt(), zoneOf(snapshot.timeZone()));
                recordAssignment(snapshot, decision, deadline, decisionId.apply(queued), causationId, null);
            }
        }
    }

    // ---- manager actions --------------------------------------------------------------------------------

    public ArchitectView register(ArchitectProfile profile) {
        return exclusively(() -> {
            if (balancer.knows(profile.id())) {
                throw ApiException.conflict("architect " + profile.id() + " is already registered");
            }
            EventEnvelope<ArchitectRegistered> event = EventEnvelope.of(clock.instant(), SOURCE, null, null,
                    new ArchitectRegistered(profile));
            publishRosterEvent(event);
            applyRosterChange(event, profile);
            return balancer.view(profile.id()).orElseThrow();
        });
    }

    public ArchitectView update(ArchitectProfile profile) {
        return exclusively(() -> {
            if (!balancer.knows(profile.id())) {
                throw ApiException.notFound("no architect " + profile.id());
            }
            EventEnvelope<ArchitectUpdated> event = EventEnvelope.of(clock.instant(), SOURCE, null, null,
                    new ArchitectUpdated(profile));
            publishRosterEvent(event);
            applyRosterChange(event, profile);
            return balancer.view(profile.id()).orElseThrow();
        });
    }

    /** Moves an open assignment to the named architect, or to the balancer's choice among the others. */
    public DecisionRecord reassign(String requestId, Optional<String> target) {
        return exclusively(() -> {
            AssignmentEntity assignment = AssignmentEntity.findById(requestId, LockModeType.PESSIMISTIC_WRITE);
            if (assignment == null) {
                if (QueuedRequestEntity.findById(requestId) != null) {
                    throw ApiException.conflict("request " + requestId + " is waiting in the queue, not assigned");
                }
                throw ApiException.notFound("no decision for request " + requestId);
            }
            if (!assignment.open) {
                throw ApiException.conflict("the engagement of request " + requestId + " is completed");
            }
            DecisionRecord current = read(assignment.decision, DecisionRecord.class);
            AssignmentRequest request = toRequest(current.request());
            Instant at = clock.instant();
            Decision decision;
            if (target.isPresent()) {
                String to = target.get();
                if (!balancer.knows(to)) {
                    throw ApiException.notFound("no architect " + to);
                }
                Optional<Exclusion> refusal = balancer.refusalOf(to, request, at);
                if (refusal.isPresent()) {
                    throw ApiException.conflict("architect " + to + " cannot take request " + requestId + ": "
                            + refusal.get());
                }
                decision = new Decision(requestId, to, DecidingRule.MANAGER, current.role(), assignment.weight,
                        balancer.clock(), List.of(balancer.evaluate(to, request)), Map.of());
            } else {
                decision = balancer.decide(request, at, Set.of(assignment.architectId));
                if (!decision.assigned()) {
                    throw ApiException.conflict("nobody else can take request " + requestId + " now: "
                            + reason(decision));
                }
            }
            String from = assignment.architectId;
            balancer.release(requestId);
            return recordAssignment(current.request(), decision, current.slaDeadline(), UUID.randomUUID(), null, from);
        });
    }

    /** Publishes AssignmentSlaBreached, once, for every waiting request whose deadline has passed. */
    public int checkSla() {
        return exclusively(() -> {
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
                firstTime(eventId);
                queued.slaBreached = true;
                publishAssignmentEvent(event);
                meters.counter("fasttrack.assignment.sla.breaches").increment();
                breached++;
            }
            return breached;
        });
    }

    // ---- the decision log -------------------------------------------------------------------------------

    /**
     * Re-applies a decision read from this service's own assignments topic: the log is the record of what
     * was decided, so a decision found there is applied as it stands and never decided again.
     */
    void applyRecorded(EventEnvelope<EventData> recorded) {
        if (!firstTime(recorded.eventId())) {
            return;
        }
        if (recorded.data() instanceof FtaAssigned assigned) {
            applyRecordedAssignment(recorded, assigned);
        } else if (recorded.data() instanceof RequestQueued queued) {
            if (AssignmentEntity.findById(queued.requestId()) == null && QueuedRequestEntity.findById(queued.requestId()) == null) {
                QueuedRequestEntity row = new QueuedRequestEntity();
                row.requestId = queued.requestId();
                row.tenantId = queued.tenantId();
                row.role = queued.role().name();
                row.weight = queued.weight();
                row.slaDeadline = queued.slaDeadline();
                row.queuedAt = queued.queuedAt();
                row.queuedEventId = recorded.eventId();
                row.decision = json(new DecisionRecord(queued.requestId(), queued.tenantId(), "QUEUED", null,
                        DecidingRule.QUEUE.name(), queued.role(), queued.weight(), queued.slaDeadline(), queued.queuedAt(),
                        null, recorded.eventId(), queued.reason(), queued.candidates(), Map.of(), null));
                row.persist();
            }
        } else if (recorded.data() instanceof AssignmentSlaBreached breach) {
            QueuedRequestEntity row = QueuedRequestEntity.findById(breach.requestId());
            if (row != null) {
                row.slaBreached = true;
            }
        }
    }

    private void applyRecordedAssignment(EventEnvelope<EventData> recorded, FtaAssigned assigned) {
        AssignmentEntity row = AssignmentEntity.findById(assigned.requestId());
        Instant at = assigned.assignedAt() != null ? assigned.assignedAt() : recorded.occurredAt();
        if (row != null && (!row.open || row.architectId.equals(assigned.architect().id()))) {
            return;
        }
        if (row != null) {
            balancer.release(assigned.requestId());
        }
        QueuedRequestEntity queued = QueuedRequestEntity.findById(assigned.requestId());
        if (queued != null) {
            queued.delete();
        }
        balancer.assign(assigned.requestId(), assigned.architect().id(), assigned.tenantId(), assigned.weight(), at);
        DecisionRecord record = new DecisionRecord(assigned.requestId(), assigned.tenantId(), "ASSIGNED", assigned.architect(),
                assigned.decidingRule(), assigned.architect().role(), assigned.weight(), assigned.slaDeadline(), at,
                assigned.reassignedFrom(), recorded.eventId(), null, assigned.candidates(), Map.of(), assigned.request());
        saveAssignment(row, record, recorded.eventId());
    }

    // ---- reads ------------------------------------------------------------------------------------------

    public <T> T read(java.util.function.Function<Balancer, T> query) {
        awaitReady();
        gate.lock();
        try {
            return query.apply(balancer);
        } finally {
            gate.unlock();
        }
    }

    // ---- recording decisions ----------------------------------------------------------------------------

    private DecisionRecord recordAssignment(RequestSnapshot snapshot, Decision decision, Instant deadline, UUID eventId,
            String causationId, String reassignedFrom) {
        balancer.assign(snapshot.requestId(), decision.architectId(), snapshot.customer().tenantId(), decision.weight(),
                decision.decidedAt());
        ArchitectRef architect = refOf(decision.architectId());
        FtaAssigned assigned = new FtaAssigned(snapshot.requestId(), snapshot.customer().tenantId(), architect, snapshot,
                decision.weight(), deadline, decision.decidedAt(), decision.rule().name(), decision.candidates(), reassignedFrom);
        DecisionRecord record = new DecisionRecord(snapshot.requestId(), snapshot.customer().tenantId(), "ASSIGNED", architect,
                decision.rule().name(), decision.role(), decision.weight(), deadline, decision.decidedAt(), reassignedFrom,
                eventId, null, decision.candidates(), counts(decision), snapshot);
        saveAssignment(AssignmentEntity.findById(snapshot.requestId()), record, eventId);
        firstTime(eventId);
        publishAssignmentEvent(EventEnvelope.of(eventId, decision.decidedAt(), SOURCE, snapshot.requestId(),
                causationId, assigned));
        meters.counter("fasttrack.assignment.decisions", "rule", decision.rule().name()).increment();
        return record;
    }

    private void saveAssignment(AssignmentEntity existing, DecisionRecord record, UUID eventId) {
        AssignmentEntity row = existing;
        if (row == null) {
            row = new AssignmentEntity();
            row.requestId = record.requestId();
        }
        row.tenantId = record.tenantId();
        row.architectId = record.architect().id();
        row.weight = record.weight();
        row.open = true;
        row.assignedAt = record.decidedAt();
        row.decisionEventId = eventId;
        row.decision = json(record);
        if (existing == null) {
            row.persist();
        }
        AssignmentHistoryEntity.of(eventId, record.requestId(), record.architect().id(), record.decidedAt()).persist();
    }

    private void recordQueued(RequestSnapshot snapshot, Decision decision, Instant deadline, UUID eventId, String causationId) {
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
        row.snapshot = json(snapshot);
        row.decision = json(new DecisionRecord(snapshot.requestId(), snapshot.customer().tenantId(), "QUEUED", null,
                DecidingRule.QUEUE.name(), decision.role(), decision.weight(), deadline, decision.decidedAt(), null, eventId,
                reason, decision.candidates(), counts(decision), snapshot));
        row.persist();
        firstTime(eventId);
        publishAssignmentEvent(EventEnvelope.of(eventId, decision.decidedAt(), SOURCE, snapshot.requestId(),
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

    private boolean firstTime(UUID eventId) {
        return ProcessedEventEntity.firstTime(eventId, clock.instant());
    }

    // ---- mapping ----------------------------------------------------------------------------------------

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

    private static Architect toArchitect(ArchitectEntity row) {
        Set<Workload> skills = row.skills.isEmpty() ? Set.of()
                : Arrays.stream(row.skills.split(",")).map(Workload::valueOf).collect(Collectors.toSet());
        return new Architect(row.id, row.name, ArchitectRole.valueOf(row.role), Region.valueOf(row.region),
                ZoneId.of(row.timeZone), row.capacity, skills, row.teamManager, row.awayFrom, row.awayTo);
    }

    private static void fill(ArchitectEntity row, ArchitectProfile profile, Instant at) {
        row.name = profile.name();
        row.role = profile.role().name();
        row.region = profile.region().name();
        row.timeZone = profile.timeZone();
        row.capacity = profile.capacity();
        row.skills = profile.skills() == null ? "" : profile.skills().stream().map(Enum::name).sorted()
                .collect(Collectors.joining(","));
        row.teamManager = profile.teamManager();
        row.awayFrom = profile.awayFrom();
        row.awayTo = profile.awayTo();
        row.updatedAt = at;
    }

    static String json(Object value) {
        try {
            return EventCodec.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return EventCodec.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read stored " + type.getSimpleName(), e);
        }
    }

    public static DecisionRecord readDecision(String json) {
        return read(json, DecisionRecord.class);
    }

    /** The stored decision for a request, with its current status; empty if the service never saw it. */
    public Optional<DecisionRecord> decisionOf(String requestId) {
        awaitReady();
        return QuarkusTransaction.requiringNew().call(() -> {
            AssignmentEntity assignment = AssignmentEntity.findById(requestId);
            if (assignment != null) {
                return Optional.of(read(assignment.decision, DecisionRecord.class)
                        .withStatus(assignment.open ? "ASSIGNED" : "COMPLETED"));
            }
            QueuedRequestEntity queued = QueuedRequestEntity.findById(requestId);
            return Optional.ofNullable(queued).map(q -> read(q.decision, DecisionRecord.class));
        });
    }
}
