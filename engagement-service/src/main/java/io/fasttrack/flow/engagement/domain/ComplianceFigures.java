package io.fasttrack.flow.engagement.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/** Playbook figures over a set of engagements; shares are fractions of {@code engagements}, 4 decimals. */
public record ComplianceFigures(
        int engagements,
        int mandatoryTasksDone,
        int mandatoryTasksDoneOnTime,
        int stale,
        int dibsDocumented,
        int compliant) {

    public static ComplianceFigures of(Collection<EngagementStanding> standings) {
        return new ComplianceFigures(
                standings.size(),
                count(standings, EngagementStanding::mandatoryDone),
                count(standings, EngagementStanding::mandatoryDoneOnTime),
                count(standings, EngagementStanding::stale),
                count(standings, EngagementStanding::dibsDocumented),
                count(standings, EngagementStanding::compliant));
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

    private static int count(Collection<EngagementStanding> standings,
            java.util.function.Predicate<EngagementStanding> predicate) {
        return (int) standings.stream().filter(predicate).count();
    }
}
