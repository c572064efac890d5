package io.fasttrack.flow.assignment.messaging;

import io.fasttrack.flow.events.ArchitectRegistered;
import io.fasttrack.flow.events.ArchitectUpdated;
import io.fasttrack.flow.events.AssignmentSlaAtRisk;
import io.fasttrack.flow.events.AssignmentSlaBreached;
import io.fasttrack.flow.events.EngagementCompleted;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.RequestQueued;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.events.TenantIdentified;
import io.fasttrack.flow.events.model.ArchitectProfile;
import io.fasttrack.flow.kit.api.FieldLimit;
import io.fasttrack.flow.kit.messaging.InvalidEventException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Predicate;

/**
 * The readable events the service refuses: those no retry can make usable, refused with an
 * {@link InvalidEventException} that says why, before anything changes. A consumed one is dead-lettered alone;
 * one of the decision log is skipped and dead-lettered by the replay.
 *
 * <p>An input is never decided at a time further ahead of the service's clock than
 * {@code fasttrack.events.max-clock-skew}: the balancer's clock only goes forward, so one input dated 2999
 * would move every later decision to 2999.
 */
public final class InputChecks {

    /** The latest time an event may carry, and the skew that gave it, for the reason of a refusal. */
    record Horizon(Instant latest, Duration skew) {

        static Horizon of(Instant now, Duration skew) {
            return new Horizon(now.plus(skew), skew);
        }

        void check(String what, Instant at) {
            if (at != null && at.isAfter(latest)) {
                throw new InvalidEventException(what + " " + at + " is more than " + skew
                        + " ahead of this service's clock");
            }
        }
    }

    private InputChecks() {
    }

    /** The time a consumed event is decided at: what it moves the balancer's clock to. */
    public static Instant decisionTime(EventEnvelope<EventData> event) {
        if (event.data() instanceof RequestSubmitted submitted) {
            return submitted.submittedAt();
        }
        if (event.data() instanceof EngagementCompleted completed && completed.completedAt() != null) {
            return completed.completedAt();
        }
        return event.occurredAt();
    }

    /**
     * A consumed event: its decision time (an identification: its time) within the horizon; the ids it is applied by; a roster change that
     * can be an architect's profile, about an architect on the roster (or registered by an earlier event).
     */
    static void checkInput(EventEnvelope<EventData> event, Horizon horizon, Predicate<String> onRoster) {
        EventData data = event.data();
        if (data instanceof RequestSubmitted submitted) {
            horizon.check("submittedAt", submitted.submittedAt());
            id("requestId", submitted.requestId());
            id("customer.tenantId", submitted.customer().tenantId());
        } else if (data instanceof EngagementCompleted completed) {
            horizon.check("completedAt", completed.completedAt());
            id("requestId", completed.requestId());
        } else if (data instanceof TenantIdentified identified) {
            horizon.check("occurredAt", event.occurredAt());
            id("placeholderId", identified.placeholderId());
            id("tenantId", identified.tenantId());
        } else if (data instanceof ArchitectRegistered registered) {
            horizon.check("occurredAt", event.occurredAt());
            profile(registered.architect());
        } else if (data instanceof ArchitectUpdated updated) {
            horizon.check("occurredAt", event.occurredAt());
            profile(updated.architect());
            if (!onRoster.test(updated.architect().id())) {
                throw new InvalidEventException("ArchitectUpdated names architect " + updated.architect().id()
                        + ", who is not on the roster");
            }
        }
    }

    /**
     * A decision read back from this service's own log: it names the request and, for an assignment, the
     * architect; its time is within the horizon.
     */
    static void checkRecorded(EventEnvelope<EventData> recorded, Horizon horizon) {
        EventData data = recorded.data();
        if (data instanceof FtaAssigned assigned) {
            id("requestId", assigned.requestId());
            id("tenantId", assigned.tenantId());
            if (assigned.architect().id() == null || assigned.architect().id().isBlank()) {
                throw new InvalidEventException("FtaAssigned of request " + assigned.requestId() + " names no architect");
            }
            horizon.check("assignedAt", assigned.assignedAt() != null ? assigned.assignedAt() : recorded.occurredAt());
        } else if (data instanceof RequestQueued queued) {
            id("requestId", queued.requestId());
            id("tenantId", queued.tenantId());
            if (queued.role() == null || queued.slaDeadline() == null || queued.queuedAt() == null) {
                throw new InvalidEventException("RequestQueued of request " + queued.requestId()
                        + " lacks its role, SLA deadline or queueing time");
            }
            horizon.check("queuedAt", queued.queuedAt());
        } else if (data instanceof AssignmentSlaBreached breach) {
            id("requestId", breach.requestId());
        } else if (data instanceof AssignmentSlaAtRisk warning) {
            id("requestId", warning.requestId());
        }
    }

    private static void profile(ArchitectProfile architect) {
        id("architect.id", architect.id());
        if (architect.name() == null || architect.name().isBlank()
                || architect.name().length() > FieldLimit.NAME.maxLength()) {
            throw new InvalidEventException("architect " + architect.id() + " has no name of 1 to "
                    + FieldLimit.NAME.maxLength() + " characters");
        }
        if (architect.teamManager() != null && architect.teamManager().length() > FieldLimit.PERSON.maxLength()) {
            throw new InvalidEventException("architect " + architect.id() + " has a team manager longer than "
                    + FieldLimit.PERSON.maxLength() + " characters");
        }
        if (architect.role() == null || architect.region() == null) {
            throw new InvalidEventException("architect " + architect.id() + " lacks a role or a region");
        }
        if (architect.timeZone() == null || !ZoneId.getAvailableZoneIds().contains(architect.timeZone())) {
            throw new InvalidEventException("architect " + architect.id() + " has no known time zone: "
                    + architect.timeZone());
        }
        if (architect.capacity() < 1) {
            throw new InvalidEventException("architect " + architect.id() + " has capacity " + architect.capacity()
                    + "; it must be at least 1");
        }
    }

    private static void id(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(field + " is missing");
        }
        if (value.length() > FieldLimit.ID.maxLength()) {
            throw new InvalidEventException(field + " is longer than " + FieldLimit.ID.maxLength() + " characters");
        }
    }
}
