package io.fasttrack.flow.health.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.model.HealthDriver;
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.health.domain.Forecaster;
import io.fasttrack.flow.health.domain.HealthPolicy;
import io.fasttrack.flow.health.store.CategoryChange;
import io.fasttrack.flow.health.store.CustomerAccount;
import io.fasttrack.flow.health.store.CustomerHealth;
import io.fasttrack.flow.health.store.CustomerOwner;
import io.fasttrack.flow.health.store.Engagement;
import io.fasttrack.flow.health.store.TenantAlias;
import io.fasttrack.flow.health.store.UsageReport;
import io.fasttrack.flow.health.store.WorkloadLatest;
import io.fasttrack.flow.kit.api.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/customers/{tenantId}/health")
public class CustomerHealthResource {

    private static final TypeReference<List<HealthDriver>> DRIVERS = new TypeReference<>() {
    };

    @Inject
    Forecaster forecaster;

    @Inject
    HealthPolicy policy;

    @RolesAllowed({"reader", "manager"})
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "A customer's category, utilization per workload with what it takes to move up, category history,"
            + " forecast to the renewal, FastTrack Manager and owner")
    public CustomerHealthView health(@PathParam("tenantId") String requested) {
        // a placeholder identified as a real tenant answers as that tenant
        String tenantId = TenantAlias.resolve(requested);
        CustomerHealth customer = CustomerHealth.findById(tenantId);
        if (customer == null) {
            throw ProblemException.notFound("no usage has been reported for customer '" + requested + "'");
        }
        List<WorkloadLatest> latest = WorkloadLatest.of(tenantId);
        Map<Workload, HealthPolicy.StepUp> stepsUp = policy.stepsUp(customer.category,
                latest.stream().map(WorkloadLatest::toUsage).toList());
        List<CustomerHealthView.WorkloadView> workloads = latest.stream()
                .map(report -> {
                    HealthPolicy.StepUp step = stepsUp.get(report.workload);
                    return new CustomerHealthView.WorkloadView(report.workload, report.licensed, report.active,
                            report.toUsage().utilization(), report.asOf, step == null ? null : step.nextCategory(),
                            step == null ? null : step.activeUsers());
                })
                .toList();
        List<CustomerHealthView.ChangeView> history = CategoryChange.historyOf(tenantId).stream()
                .map(change -> new CustomerHealthView.ChangeView(change.eventId, change.previousCategory, change.newCategory,
                        change.direction, change.previousUtilization, change.utilization, drivers(change.drivers),
                        change.asOf, change.changedAt))
                .toList();
        CustomerAccount account = CustomerAccount.findById(tenantId);
        // the contract's renewal date wins over one that came in a usage report
        LocalDate renewalDate = account != null && account.renewalDate != null ? account.renewalDate : customer.renewalDate;
        Forecaster.Forecast forecast = forecaster.forecast(
                UsageReport.history(tenantId).stream().map(UsageReport::toUsage).toList(), renewalDate);
        CustomerOwner owner = CustomerOwner.findById(tenantId);
        CustomerHealthView.OwnerView ownerView = owner == null ? null : new CustomerHealthView.OwnerView(owner.architectId,
                owner.architectName, owner.teamManager, owner.region, owner.segment, owner.customerName, owner.requestId,
                owner.assignedAt);
        List<CustomerHealthView.EngagementView> engagements = Engagement.historyOf(tenantId).stream()
                .map(e -> new CustomerHealthView.EngagementView(e.requestId, e.engagementId, e.architectId, e.architectName,
                        e.assignedAt, e.completedAt))
                .toList();
        return new CustomerHealthView(tenantId, customer.category, customer.categorySince, customer.utilization,
                customer.latestAsOf, renewalDate, account == null ? null : account.anniversaryDate,
                account == null ? null : account.fastTrackManager, workloads, history, forecast, ownerView, engagements);
    }

    private static List<HealthDriver> drivers(String json) {
        try {
            return EventCodec.mapper().readValue(json, DRIVERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored drivers are not readable: " + json, e);
        }
    }
}
