package io.fasttrack.flow.events.model;

/** The Microsoft 365 workloads a request, an architect's skills or a usage report can name. */
public enum Workload {
    EXCHANGE,
    SHAREPOINT,
    ONEDRIVE,
    TEAMS,
    VIVA,
    WINDOWS,
    M365_APPS,
    INTUNE,
    ENTRA_ID,
    SECURITY,
    COMPLIANCE,
    POWER_PLATFORM,
    COPILOT
}
