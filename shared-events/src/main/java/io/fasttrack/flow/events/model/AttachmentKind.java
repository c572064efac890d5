package io.fasttrack.flow.events.model;

public enum AttachmentKind {
    SOW,
    STAFFING_PLAN,
    WORK_BREAKDOWN,
    COST_BREAKDOWN,
    CUSTOMER_SUCCESS_PLAN,
    OTHER
}
