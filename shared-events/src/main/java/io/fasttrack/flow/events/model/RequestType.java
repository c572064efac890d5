package io.fasttrack.flow.events.model;

/** The six kinds of request FastTrack takes (SPEC section 2). */
public enum RequestType {
    DISCOVERY_WORKSHOP,
    ECIF_DWR_REVIEW,
    MIGRATION_EXCEPTION,
    LAND_FTC_BENEFIT,
    SALES_SUPPORT_INQUIRY,
    ENGAGE_BEFORE_LICENSE
}
