package io.fasttrack.flow.engagement.domain;

/** Where one engagement stands against the playbook, attributed to its current architect and team manager. */
public record EngagementStanding(
        String engagementId,
        String architectId,
        String teamManager,
        boolean mandatoryDone,
        boolean mandatoryDoneOnTime,
        boolean stale,
        boolean dibsDocumented) {

    /** Playbook compliance: mandatory tasks done on time and status not stale. */
    public boolean compliant() {
        return mandatoryDoneOnTime && !stale;
    }
}
