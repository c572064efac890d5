package io.fasttrack.flow.engagement.domain;

import io.fasttrack.flow.events.model.RequestType;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which engagements need the architect's review before they complete: migration exceptions and ECIF/DWR fund
 * requests, whatever the amount (task 3008 comes on top for large fund requests). Only a final decision (APPROVED
 * or REJECTED) ends a review; CHANGES_REQUESTED leaves it open for another.
 *
 * @param requiredFor the request types whose engagements need a final review decision
 */
public record ReviewPolicy(Set<RequestType> requiredFor) {

    public ReviewPolicy {
        // in declaration order, so a refusal names them the same way every time
        EnumSet<RequestType> ordered = EnumSet.noneOf(RequestType.class);
        ordered.addAll(requiredFor);
        requiredFor = Collections.unmodifiableSet(ordered);
    }

    public boolean required(RequestType type) {
        return type != null && requiredFor.contains(type);
    }

    /** Why no review may be recorded on the engagement now; empty when one may. */
    public Optional<String> refusal(RequestType type, boolean finalDecisionRecorded, boolean completed) {
        if (!required(type)) {
            return Optional.of("a " + type + " engagement takes no review; reviews are for " + requiredFor);
        }
        if (finalDecisionRecorded) {
            return Optional.of("the review is decided already");
        }
        if (completed) {
            return Optional.of("the engagement is completed");
        }
        return Optional.empty();
    }

    /**
     * An open engagement completes once every mandatory task is done and, when it needs a review, a final decision
     * is recorded: whichever of the two comes last completes it.
     */
    public boolean completes(RequestType type, boolean completed, boolean allMandatoryTasksDone,
            boolean finalDecisionRecorded) {
        return !completed && allMandatoryTasksDone && (finalDecisionRecorded || !required(type));
    }
}
