package io.fasttrack.flow.engagement.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Playbook figures over a set of engagements (SPEC section 4); every figure counts engagements, shares
 * are fractions of {@code engagements}, 4 decimals. A mandatory task is due once its due date (opening + its
 * due-days) has passed; before that it is no violation, done or not.
 *
 * @param mandatoryTasksDone       engagements with every mandatory task done
 * @param mandatoryTasksDoneOnTime engagements with every mandatory task that is due done no later than its due date
 * @param stale                    open engagements without a status note for the stale period
 * @param dibsDocumented           engagements with DIBS for every workload in scope (for one, when none is)
 * @param compliant                engagements with mandatory tasks done on time and not stale
 * @param withWorkNotYetDue        engagements with a mandatory task open whose due date has not passed
 * @param withOverdueWork          engagements with a mandatory task open whose due date has passed
 */
public record ComplianceFigures(
        int engagements,
        int mandatoryTasksDone,
        int mandatoryTasksDoneOnTime,
        int stale,
        int dibsDocumented,
        int compliant,
        int withWorkNotYetDue,
        int withOverdueWork) {

    public static final ComplianceFigures NONE = new ComplianceFigures(0, 0, 0, 0, 0, 0, 0, 0);

    /** The figures of both sets together: every figure is a count, so they add up. */
    public ComplianceFigures plus(ComplianceFigures other) {
        return new ComplianceFigures(engagements + other.engagements, mandatoryTasksDone + other.mandatoryTasksDone,
                mandatoryTasksDoneOnTime + other.mandatoryTasksDoneOnTime, stale + other.stale,
                dibsDocumented + other.dibsDocumented, compliant + other.compliant,
                withWorkNotYetDue + other.withWorkNotYetDue, withOverdueWork + other.withOverdueWork);
    }

    public BigDecimal mandatoryTasksDoneShare() {
        return share(mandatoryTasksDone);
    }

    public BigDecimal mandatoryTasksDoneOnTimeShare() {
        return share(mandatoryTasksDoneOnTime);
    }

    public BigDecimal dibsDocumentedShare() {
        return share(dibsDocumented);
    }

    public BigDecimal playbookCompliance() {
        return share(compliant);
    }

    private BigDecimal share(int count) {
        if (engagements == 0) {
            return BigDecimal.ZERO.setScale(4);
        }
        return BigDecimal.valueOf(count).divide(BigDecimal.valueOf(engagements), 4, RoundingMode.HALF_UP);
    }
}
