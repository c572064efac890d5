package io.fasttrack.flow.console.services;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** health-service: each customer's health category, its history and forecast; the portfolio; risk alerts. */
@RegisterRestClient(configKey = "health")
@RegisterClientHeaders(ForwardedToken.class)
public interface HealthApi {

    @GET
    @Path("/customers/{tenantId}/health")
    CustomerHealth customer(@PathParam("tenantId") String tenantId);

    @GET
    @Path("/portfolio")
    Page<PortfolioGroup> portfolio(@QueryParam("groupBy") String groupBy, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/alerts")
    Page<Alert> alerts(@QueryParam("kind") String kind, @QueryParam("teamManager") String teamManager,
            @QueryParam("fastTrackManager") String fastTrackManager, @QueryParam("region") String region,
            @QueryParam("page") int page, @QueryParam("size") int size);

    record CustomerHealth(String tenantId, String category, LocalDate categorySince, BigDecimal utilization,
            LocalDate asOf, LocalDate renewalDate, LocalDate anniversaryDate, String fastTrackManager,
            List<WorkloadUsage> workloads, List<CategoryChange> history, Forecast forecast, Owner owner,
            List<CustomerEngagement> engagements) {
    }

    record WorkloadUsage(String workload, long licensed, long active, BigDecimal utilization, LocalDate asOf,
            String nextCategory, Long activeUsersForNextCategory) {
    }

    record CategoryChange(String previousCategory, String newCategory, String direction,
            BigDecimal previousUtilization, BigDecimal utilization, List<Driver> drivers, LocalDate asOf,
            Instant changedAt) {
    }

    record Driver(String workload, BigDecimal utilizationBefore, BigDecimal utilizationAfter) {
    }

    record Forecast(boolean sufficientData, String method, int reportDates, LocalDate targetDate, String targetBasis,
            BigDecimal trendPerDay, BigDecimal utilization, String category) {
    }

    record Owner(String architectId, String architectName, String teamManager, String region, String segment,
            String customerName, String requestId, Instant assignedAt) {
    }

    record CustomerEngagement(String requestId, String engagementId, String architectId, String architectName,
            Instant assignedAt, Instant completedAt) {
    }

    record PortfolioGroup(String key, String name, long customers, Map<String, Long> categories, long withoutUsage,
            long movesUp, long movesDown) {
    }

    record Alert(String alertId, String tenantId, String kind, String concern, String detail, Instant raisedAt,
            String region, String teamManager, String fastTrackManager) {
    }
}
