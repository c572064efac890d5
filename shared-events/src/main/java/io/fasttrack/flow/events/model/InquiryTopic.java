package io.fasttrack.flow.events.model;

/** What a sales-support inquiry is about. */
public enum InquiryTopic {
    ELIGIBILITY,
    WINDOWS,
    FASTTRACK_READY_PARTNERS,
    TEST_TENANTS,
    GCC,
    MARKETING,
    OTHER
}
