package io.fasttrack.flow.intake.store;

import io.fasttrack.flow.events.AssignmentSlaAtRisk;
import io.fasttrack.flow.events.AssignmentSlaBreached;
import io.fasttrack.flow.events.EngagementCompleted;
import io.fasttrack.flow.events.EngagementOpened;
import io.fasttrack.flow.events.EngagementReassigned;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.RequestQueued;
import io.fasttrack.flow.events.RequestStalled;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.events.ReviewDecided;
import io.fasttrack.flow.events.TenantIdentified;
import io.fasttrack.flow.intake.domain.PlaceholderTenant;
import io.fasttrack.flow.intake.domain.RequestProgress;
import io.fasttrack.flow.intake.domain.RequestStatus;
import io.fasttrack.flow.intake.domain.Review;
import io.fasttrack.flow.kit.api.FieldLimit;
import io.fasttrack.flow.kit.messaging.InvalidEventException;
import io.fasttrack.flow.kit.messaging.TransientFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Keeps the request-status projection, a batch of events at a time: it reads every row the batch touches with
 * one query, applies the events to them in memory in their order ({@link RequestProgress} decides each status
 * change), then inserts the new rows and updates the changed ones in one JDBC batch each. A row another writer
 * stored or changed in the meantime (the accepted-request writer stores every accepted request; three consumers share
 * the rows) is read again and the batch's events for it applied over it, in the same transaction. Status only moves
 * forward and a row may exist before its RequestSubmitted, so events may come in any order across topics, and
 * replaying the topics into an empty database rebuilds the same rows. Which events were applied before is the
 * kit's concern ({@code BatchConsumer}): this class sees each event once.
 *
 * <p>A TenantIdentified folds the placeholder's stored requests into the real tenant, and any row a later event
 * writes under an identified placeholder lands on the real tenant too, so the outcome does not depend on whether a
 * request's events are applied before or after the identification. Identities are looked up only for batches that
 * name a placeholder.
 */
@ApplicationScoped
public class RequestProjection {

    /** What applying an event did. */
    public enum Outcome {
        APPLIED,
        /** A copy of a submission the row holds already (the HTTP thread stored it from the same event). */
        DUPLICATE,
        /**
         * The event changes no request (an engagement reassignment that names none, a placeholder identified as another
         * tenant before).
         */
        NOT_RELEVANT
    }

    /**
     * What applying a batch did: an outcome per event, in their order, and whether any request became stalled or
     * stopped being stalled (the stalled-request gauge counts again then).
     */
    public record Applied(List<Outcome> outcomes, boolean stallsChanged) {
    }

    /** The row an event changes and how; {@code change} answers whether it changed anything. */
    private record Step(String requestId, String tenantId, Predicate<RequestRecord> change) {
    }

    /** The rows a batch works on: those read, those it creates, and those of the read ones it changed. */
    private static final class Rows {
        private final Map<String, RequestRecord> stored;
        private final Map<String, RequestRecord> created = new LinkedHashMap<>();
        private final Map<String, RequestRecord> changed = new LinkedHashMap<>();
        private boolean stallsChanged;

        Rows(Map<String, RequestRecord> stored) {
            this.stored = stored;
        }

        Outcome apply(Step step) {
            if (step == null) {
                return Outcome.NOT_RELEVANT;
            }
            RequestRecord row = stored.get(step.requestId());
            boolean isNew = row == null;
            if (isNew) {
                row = created.computeIfAbsent(step.requestId(), id -> RequestRecord.awaitingSubmission(id, step.tenantId()));
            }
            boolean wasStalled = row.isStalled();
            if (!step.change().test(row)) {
                return Outcome.DUPLICATE;
            }
            stallsChanged |= row.isStalled() != wasStalled;
            if (!isNew) {
                changed.put(row.id, row);
            }
            return Outcome.APPLIED;
        }

        /** The rows this batch writes under an identified placeholder go to its real tenant. */
        void resolveTenants(Identities identities) {
            Stream.concat(created.values().stream(), changed.values().stream())
                    .forEach(row -> identities.realTenantOf(row.tenantId).ifPresent(row::identifiedAs));
        }
    }

    /**
     * The identities of the placeholders a batch names: those stored, and those its TenantIdentified events add, in
     * their order. The first identification of a placeholder stands.
     */
    private static final class Identities {
        private final Map<String, String> realTenants;
        private final Map<String, TenantIdentities.Identity> learnt = new LinkedHashMap<>();

        Identities(Map<String, String> stored) {
            this.realTenants = new HashMap<>(stored);
        }

        Outcome learn(TenantIdentified identified) {
            String known = realTenants.get(identified.placeholderId());
            if (known != null) {
                if (!known.equals(identified.tenantId())) {
                    LOG.warnf("placeholder %s was identified as %s before; its identification as %s changes nothing",
                            identified.placeholderId(), known, identified.tenantId());
                    return Outcome.NOT_RELEVANT;
                }
                return Outcome.DUPLICATE;
            }
            realTenants.put(identified.placeholderId(), identified.tenantId());
            learnt.put(identified.placeholderId(), new TenantIdentities.Identity(identified.placeholderId(),
                    identified.tenantId(), identified.identifiedAt()));
            return Outcome.APPLIED;
        }

        Optional<String> realTenantOf(String tenantId) {
            return Optional.ofNullable(realTenants.get(tenantId));
        }

        Collection<TenantIdentities.Identity> learnt() {
            return learnt.values();
        }
    }

    /** The most risks a review shows, each at most a sentence long. */
    static final int MAX_RISKS = 100;
    private static final Logger LOG = Logger.getLogger(RequestProjection.class);

    private final RequestTable table;
    private final TenantIdentities tenantIdentities;

    RequestProjection(RequestTable table, TenantIdentities tenantIdentities) {
        this.table = table;
        this.tenantIdentities = tenantIdentities;
    }

    /** Applies the events in order, in the caller's transaction; returns what each one did. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Applied apply(List<EventEnvelope<EventData>> events) {
        List<Step> steps = events.stream().map(event -> stepOf(event.data(), event.occurredAt())).toList();
        Rows rows = new Rows(table.find(steps.stream().filter(Objects::nonNull).map(Step::requestId).toList()));
        Identities identities = new Identities(tenantIdentities.realTenantsOf(tenantsNamed(events, steps, rows)));
        List<Outcome> outcomes = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            outcomes.add(events.get(i).data() instanceof TenantIdentified identified
                    ? identities.learn(identified) : rows.apply(steps.get(i)));
        }
        rows.resolveTenants(identities);
        Set<String> lost = new HashSet<>(table.insertAbsent(rows.created.values()));
        lost.addAll(table.update(rows.changed.values()));
        boolean stallsChanged = rows.stallsChanged;
        if (!lost.isEmpty()) {
            // another writer stored or changed these rows since they were read: their events apply once more,
            // in order, over what it committed; losing them again is left to the kit's retry of the batch
            Rows winners = new Rows(table.find(lost));
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i) != null && lost.contains(steps.get(i).requestId())) {
                    outcomes.set(i, winners.apply(steps.get(i)));
                }
            }
            winners.resolveTenants(identities);
            if (!winners.created.isEmpty() || !table.update(winners.changed.values()).isEmpty()) {
                throw new TransientFailure(lost.size() + " request rows changed again while a batch was applied over them");
            }
            stallsChanged |= winners.stallsChanged;
        }
        tenantIdentities.identify(identities.learnt());
        return new Applied(outcomes, stallsChanged);
    }

    /** Every tenant id the batch may write a row under, and the placeholders it identifies. */
    private static List<String> tenantsNamed(List<EventEnvelope<EventData>> events, List<Step> steps, Rows rows) {
        List<String> tenants = new ArrayList<>();
        steps.stream().filter(Objects::nonNull).map(Step::tenantId).forEach(tenants::add);
        rows.stored.values().forEach(row -> tenants.add(row.tenantId));
        for (EventEnvelope<EventData> event : events) {
            if (event.data() instanceof TenantIdentified identified) {
                tenants.add(identified.placeholderId());
            }
        }
        return tenants;
    }

    /**
     * Stores accepted requests right after the broker acknowledged their events, so a GET right after the 202
     * finds them: one batch of inserts, which leaves alone a row the consumers stored first. The requests consumer
     * applies the same events a moment later anyway. In the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAccepted(List<RequestSubmitted> accepted) {
        Map<String, String> realTenants = tenantIdentities.realTenantsOf(
                accepted.stream().map(submitted -> submitted.customer().tenantId()).toList());
        List<RequestRecord> rows = new ArrayList<>(accepted.size());
        for (RequestSubmitted submitted : accepted) {
            RequestRecord row = RequestRecord.awaitingSubmission(submitted.requestId(), submitted.customer().tenantId());
            row.recordSubmission(submitted);
            Optional.ofNullable(realTenants.get(row.tenantId)).ifPresent(row::identifiedAs);
            rows.add(row);
        }
        table.insertAbsent(rows);
    }

    /** What the event does to its request; null when it changes none. */
    private static Step stepOf(EventData data, Instant occurredAt) {
        if (data instanceof RequestSubmitted submitted) {
            return new Step(submitted.requestId(), submitted.customer().tenantId(), row -> row.recordSubmission(submitted));
        }
        if (data instanceof RequestStalled stalled) {
            RequestStatus step = statusNamed(stalled.step());
            return progress(stalled.requestId(), stalled.tenantId(), occurredAt, p -> p.stalledAt(step, stalled.since()));
        }
        if (data instanceof RequestQueued queued) {
            return progress(queued.requestId(), queued.tenantId(), occurredAt, (p, at) -> p.queued(queued.slaDeadline(), at));
        }
        if (data instanceof FtaAssigned assigned) {
            return progress(assigned.requestId(), assigned.tenantId(), occurredAt, (p, at) ->
                    p.assigned(assigned.architect().id(), assigned.architect().name(), assigned.slaDeadline(), at));
        }
        if (data instanceof AssignmentSlaAtRisk atRisk) {
            return progress(atRisk.requestId(), atRisk.tenantId(), occurredAt, RequestProgress::slaWasAtRisk);
        }
        if (data instanceof AssignmentSlaBreached breached) {
            return progress(breached.requestId(), breached.tenantId(), occurredAt, RequestProgress::slaWasBreached);
        }
        if (data instanceof EngagementOpened opened) {
            String architectId = opened.architect() == null ? null : opened.architect().id();
            String architectName = opened.architect() == null ? null : opened.architect().name();
            return progress(opened.requestId(), opened.tenantId(), occurredAt,
                    (p, at) -> p.engagementOpened(opened.engagementId(), architectId, architectName, at));
        }
        if (data instanceof EngagementReassigned reassigned && reassigned.requestId() != null) {
            return progress(reassigned.requestId(), reassigned.tenantId(), occurredAt,
                    p -> p.engagementReassigned(reassigned.toArchitect().id(), reassigned.toArchitect().name()));
        }
        if (data instanceof ReviewDecided reviewed) {
            Review review = reviewOf(reviewed, occurredAt);
            return new Step(reviewed.requestId(), reviewed.tenantId(), row -> row.recordReview(review, occurredAt));
        }
        if (data instanceof TenantIdentified identified) {
            requirePlaceholderOf(identified);
            return null;
        }
        if (data instanceof EngagementCompleted completed) {
            return progress(completed.requestId(), completed.tenantId(), occurredAt,
                    (p, at) -> p.completed(completed.engagementId(), at));
        }
        return null;
    }

    private static Step progress(String requestId, String tenantId, Instant occurredAt, UnaryOperator<RequestProgress> change) {
        return progress(requestId, tenantId, occurredAt, (p, at) -> change.apply(p));
    }

    /** A change that may move the status, which is dated by the event. */
    private static Step progress(String requestId, String tenantId, Instant occurredAt,
            BiFunction<RequestProgress, Instant, RequestProgress> change) {
        return new Step(requestId, tenantId, row -> {
            row.apply(change.apply(row.progress(), occurredAt), occurredAt);
            return true;
        });
    }

    /** The review as the request shows it; a review too long to show is refused (dead-lettered), never cut. */
    private static Review reviewOf(ReviewDecided reviewed, Instant occurredAt) {
        if (reviewed.note() != null && reviewed.note().length() > FieldLimit.NOTE.maxLength()) {
            throw new InvalidEventException("a ReviewDecided has a note over " + FieldLimit.NOTE.maxLength() + " characters");
        }
        if (reviewed.risks().size() > MAX_RISKS
                || reviewed.risks().stream().anyMatch(risk -> risk == null || risk.length() > FieldLimit.SENTENCE.maxLength())) {
            throw new InvalidEventException("a ReviewDecided names more than " + MAX_RISKS + " risks, or one that is missing"
                    + " or over " + FieldLimit.SENTENCE.maxLength() + " characters");
        }
        return new Review(reviewed.decision(), reviewed.risks(), reviewed.note(),
                reviewed.decidedAt() != null ? reviewed.decidedAt() : occurredAt);
    }

    private static void requirePlaceholderOf(TenantIdentified identified) {
        if (!PlaceholderTenant.isPlaceholder(identified.placeholderId()) || PlaceholderTenant.isPlaceholder(identified.tenantId())) {
            throw new InvalidEventException("a TenantIdentified must identify a placeholder tenant as a real one, not "
                    + identified.placeholderId() + " as " + identified.tenantId());
        }
    }

    private static RequestStatus statusNamed(String step) {
        try {
            return RequestStatus.valueOf(step);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidEventException("a RequestStalled names step " + step + ", which is not a request status");
        }
    }
}
