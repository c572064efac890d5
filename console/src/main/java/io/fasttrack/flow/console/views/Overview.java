package io.fasttrack.flow.console.views;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import io.fasttrack.flow.console.services.AssignmentApi;
import io.fasttrack.flow.console.services.Page;

/**
 * The overview's figures: how long the queue is and how much of it is at risk or breached, how evenly the work is
 * spread per role, the customers per health category and the open alerts. A figure the viewer's role may not read is
 * null and its panel is left out.
 */
public record Overview(Instant asOf, QueueFigures queue, List<RoleSpread> utilization, CategoryBars categories,
        Long openAlerts, Long myOpenEngagements) {

    /**
     * @param counted how many of the waiting requests were looked at for at-risk and breached: the queue is served
     *                earliest deadline first, so the first page holds every at-risk request unless it is full
     */
    public record QueueFigures(long waiting, long atRisk, long breached, long counted, long stalled) {

        public static QueueFigures of(Page<AssignmentApi.QueuedRequest> firstPage, long stalled) {
            long atRisk = firstPage.items().stream().filter(AssignmentApi.QueuedRequest::atRisk).count();
            long breached = firstPage.items().stream().filter(AssignmentApi.QueuedRequest::slaBreached).count();
            return new QueueFigures(firstPage.total(), atRisk, breached, firstPage.items().size(), stalled);
        }

        public boolean partlyCounted() {
            return counted < waiting;
        }
    }

    public record RoleSpread(String role, int architects, BigDecimal meanUtilization, BigDecimal standardDeviation,
            BigDecimal maxMinusMin) {

        public static List<RoleSpread> of(Map<String, AssignmentApi.Fairness> fairness) {
            return fairness.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(role -> new RoleSpread(role.getKey(), role.getValue().architects(),
                            role.getValue().meanUtilization(), role.getValue().standardDeviation(),
                            role.getValue().maxMinusMin()))
                    .toList();
        }
    }
}
