package io.fasttrack.flow.health.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fasttrack.flow.events.model.HealthDriver;
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.health.domain.Forecaster;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * GET /customers/{tenantId}/health. Utilizations are fractions of 1 (0.42 = 42 %). {@code renewalDate} is the
 * contract's (PUT /customers/{tenantId}/contract) when one was recorded, else the latest one a usage report carried.
 */
public record CustomerHealthView(
        String tenantId,
        String category,
        LocalDate categorySince,
        BigDecimal utilization,
        LocalDate asOf,
        LocalDate renewalDate,
        LocalDate anniversaryDate,
        String fastTrackManager,
        List<WorkloadView> workloads,
        List<ChangeView> history,
        Forecaster.Forecast forecast,
        OwnerView owner,
        List<EngagementView> engagements) {

    /**
     * The latest report of one workload, and what it takes to move up: with {@code activeUsersForNextCategory}
     * active users of this workload (the others as they are) the customer leaves its category for
     * {@code nextCategory} or above, margin included; one fewer does not. Both absent at the top category; the
     * count absent when this workload cannot do it alone.
     */
    public record WorkloadView(Workload workload, long licensed, long active, BigDecimal utilization, LocalDate asOf,
            @JsonInclude(JsonInclude.Include.NON_NULL) String nextCategory,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long activeUsersForNextCategory) {
    }

    public record ChangeView(UUID eventId, String previousCategory, String newCategory, String direction,
            BigDecimal previousUtilization, BigDecimal utilization, List<HealthDriver> drivers, LocalDate asOf, Instant changedAt) {
    }

    public record OwnerView(String architectId, String architectName, String teamManager, String region, String segment,
            String customerName, String requestId, Instant assignedAt) {
    }

    public record EngagementView(String requestId, String engagementId, String architectId, String architectName,
            Instant assignedAt, Instant completedAt) {
    }
}
