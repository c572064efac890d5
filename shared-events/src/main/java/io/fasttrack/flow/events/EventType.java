package io.fasttrack.flow.events;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry of every event: wire name, current schema version, payload class and topic.
 * The JSON Schema of each lives at {@link #schemaPath()}.
 */
public enum EventType {
    REQUEST_SUBMITTED("RequestSubmitted", 1, RequestSubmitted.class, Topic.REQUESTS),
    REQUEST_STALLED("RequestStalled", 1, RequestStalled.class, Topic.REQUESTS),
    TENANT_IDENTIFIED("TenantIdentified", 1, TenantIdentified.class, Topic.REQUESTS),
    REQUEST_QUEUED("RequestQueued", 1, RequestQueued.class, Topic.ASSIGNMENTS),
    FTA_ASSIGNED("FtaAssigned", 1, FtaAssigned.class, Topic.ASSIGNMENTS),
    ASSIGNMENT_SLA_BREACHED("AssignmentSlaBreached", 1, AssignmentSlaBreached.class, Topic.ASSIGNMENTS),
    ASSIGNMENT_SLA_AT_RISK("AssignmentSlaAtRisk", 1, AssignmentSlaAtRisk.class, Topic.ASSIGNMENTS),
    ARCHITECT_REGISTERED("ArchitectRegistered", 1, ArchitectRegistered.class, Topic.ROSTER),
    ARCHITECT_UPDATED("ArchitectUpdated", 1, ArchitectUpdated.class, Topic.ROSTER),
    ENGAGEMENT_OPENED("EngagementOpened", 1, EngagementOpened.class, Topic.ENGAGEMENTS),
    ENGAGEMENT_REASSIGNED("EngagementReassigned", 1, EngagementReassigned.class, Topic.ENGAGEMENTS),
    TASK_COMPLETED("TaskCompleted", 1, TaskCompleted.class, Topic.ENGAGEMENTS),
    STATUS_NOTE_ADDED("StatusNoteAdded", 1, StatusNoteAdded.class, Topic.ENGAGEMENTS),
    DIBS_RECORDED("DibsRecorded", 1, DibsRecorded.class, Topic.ENGAGEMENTS),
    REVIEW_DECIDED("ReviewDecided", 1, ReviewDecided.class, Topic.ENGAGEMENTS),
    STATUS_NOTE_DUE("StatusNoteDue", 1, StatusNoteDue.class, Topic.ENGAGEMENTS),
    ENGAGEMENT_STALE("EngagementStale", 1, EngagementStale.class, Topic.ENGAGEMENTS),
    ESCALATION_RAISED("EscalationRaised", 1, EscalationRaised.class, Topic.ENGAGEMENTS),
    ESCALATION_RESOLVED("EscalationResolved", 1, EscalationResolved.class, Topic.ENGAGEMENTS),
    ENGAGEMENT_COMPLETED("EngagementCompleted", 1, EngagementCompleted.class, Topic.ENGAGEMENTS),
    USAGE_REPORTED("UsageReported", 1, UsageReported.class, Topic.USAGE),
    HEALTH_CATEGORY_CHANGED("HealthCategoryChanged", 1, HealthCategoryChanged.class, Topic.HEALTH),
    CUSTOMER_OWNER_ASSIGNED("CustomerOwnerAssigned", 1, CustomerOwnerAssigned.class, Topic.HEALTH),
    CUSTOMER_CONTRACT_RECORDED("CustomerContractRecorded", 1, CustomerContractRecorded.class, Topic.HEALTH),
    RENEWAL_AT_RISK("RenewalAtRisk", 1, RenewalAtRisk.class, Topic.HEALTH),
    RISK_ALERT_RAISED("RiskAlertRaised", 1, RiskAlertRaised.class, Topic.ALERTS),
    RISK_ALERT_CLEARED("RiskAlertCleared", 1, RiskAlertCleared.class, Topic.ALERTS);

    private static final Map<String, EventType> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::dataClass, Function.identity()));

    private final String wireName;
    private final int version;
    private final Class<? extends EventData> dataClass;
    private final Topic topic;

    EventType(String wireName, int version, Class<? extends EventData> dataClass, Topic topic) {
        this.wireName = wireName;
        this.version = version;
        this.dataClass = dataClass;
        this.topic = topic;
    }

    public String wireName() {
        return wireName;
    }

    public int version() {
        return version;
    }

    public Class<? extends EventData> dataClass() {
        return dataClass;
    }

    public Topic topic() {
        return topic;
    }

    /** Classpath location of this type's JSON Schema, e.g. {@code schemas/RequestSubmitted.v1.json}. */
    public String schemaPath() {
        return "schemas/" + wireName + ".v" + version + ".json";
    }

    /**
     * The type named on the wire. A newer version than this build knows is refused rather than read
     * half-way; older versions get upcast here once a second version of a type exists.
     */
    public static EventType of(String wireName, int version) {
        EventType type = BY_WIRE_NAME.get(wireName);
        if (type == null) {
            throw new UnknownEventException("unknown event type '" + wireName + "'");
        }
        if (version != type.version) {
            throw new UnknownEventException("unsupported version " + version + " of event type '" + wireName
                    + "' (this build reads version " + type.version + ")");
        }
        return type;
    }

    public static EventType of(Class<?> dataClass) {
        EventType type = BY_CLASS.get(dataClass);
        if (type == null) {
            throw new IllegalArgumentException(dataClass.getName() + " is not a registered event payload");
        }
        return type;
    }
}
