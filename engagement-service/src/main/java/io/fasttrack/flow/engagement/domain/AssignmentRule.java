package io.fasttrack.flow.engagement.domain;

/** What an FtaAssigned does to the engagement of its request. */
public enum AssignmentRule {
    /** No engagement yet: open one. */
    OPEN,
    /** The open engagement moves to the newly assigned architect, keeping tasks, notes and DIBS. */
    REASSIGN,
    /** Nothing changes: the same architect again (a duplicate), or the engagement is already completed. */
    NONE;

    /**
     * @param currentArchitectId the engagement's architect, or null when the request has no engagement
     * @param completed          whether the engagement is completed
     * @param assignedArchitectId the architect the event names
     */
    public static AssignmentRule decide(String currentArchitectId, boolean completed, String assignedArchitectId) {
        if (currentArchitectId == null) {
            return OPEN;
        }
        if (completed || currentArchitectId.equals(assignedArchitectId)) {
            return NONE;
        }
        return REASSIGN;
    }
}
