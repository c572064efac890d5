package io.fasttrack.flow.events.model;

public enum ArchitectRole {
    ALIGNMENT_FTA,
    GET_MODERN_FTA,
    FTCHELP,
    FASTTRACK_MANAGER,
    TEAM_MANAGER
}
