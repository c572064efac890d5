package io.fasttrack.flow.health.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.HealthCategoryChanged;
import io.fasttrack.flow.events.UsageReported;
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.health.domain.HealthPolicy;
import io.fasttrack.flow.health.domain.WorkloadUsage;
import io.fasttrack.flow.health.store.BatchRows;
import io.fasttrack.flow.health.store.CategoryChange;
import io.fasttrack.flow.health.store.CustomerHealth;
import io.fasttrack.flow.health.store.RenewalsDue;
import io.fasttrack.flow.health.store.TenantAlias;
import io.fasttrack.flow.health.store.UsageReport;
import io.fasttrack.flow.health.store.UsageReports;
import io.fasttrack.flow.health.store.WorkloadLatest;
import io.fasttrack.flow.kit.messaging.Effects;
import io.fasttrack.flow.kit.messaging.InvalidEventException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies the fresh UsageReported of a batch in record order: stores each report, reassesses its customer's
 * category and, on a change, publishes HealthCategoryChanged through the batch's effects (id derived from the
 * report's event id, so a redelivery after a crash republishes the same id; the kit awaits the acks before the
 * commit).
 *
 * <p>Set-wise: the customers and their latest report per workload are read with one query each for the whole
 * batch, the reports are applied to them in memory, and the writes go out as one JDBC batch per table (the
 * reports as one upsert, the rows new in this batch persisted once it is applied, so each insert carries its
 * final state). A batch costs the same handful of statements however many reports it holds, which is what lets
 * a projection rebuild keep up with the topic.
 */
@ApplicationScoped
public class HealthProjection {

    static final String SOURCE = "health-service";
    private static final ObjectMapper JSON = EventCodec.mapper();
    private static final TypeReference<Map<Workload, BigDecimal>> BASELINE = new TypeReference<>() {
    };

    @Inject
    HealthPolicy policy;

    @Inject
    UsageReports usageReports;

    @Inject
    MeterRegistry metrics;

    @Inject
    HealthTopic topic;

    @Inject
    RenewalWatch renewals;

    /** A usage report of the batch with the seats it reports, checked before anything of the batch is written. */
    private record Report(EventEnvelope<EventData> cause, UsageReported reported, WorkloadUsage usage) {

        static Report of(EventEnvelope<EventData> cause) {
            UsageReported reported = (UsageReported) cause.data();
            if (reported.tenantId().isBlank()) {
                throw new InvalidEventException("UsageReported " + cause.eventId() + " names no customer (blank tenantId)");
            }
            try {
                return new Report(cause, reported, new WorkloadUsage(reported.workload(), reported.licensed(),
                        reported.active(), reported.asOf()));
            } catch (IllegalArgumentException impossible) {
                throw new InvalidEventException("UsageReported " + cause.eventId() + " cannot be applied: " + impossible.getMessage());
            }
        }

        /** The report as its customer's: a placeholder's report belongs to the real tenant it was identified as. */
        Report belongingTo(String tenantId) {
            return tenantId.equals(tenantId()) ? this : new Report(cause, new UsageReported(tenantId, reported.workload(),
                    reported.licensed(), reported.active(), reported.asOf(), reported.renewalDate(), reported.reportedAt()), usage);
        }

        String tenantId() {
            return reported.tenantId();
        }
    }

    /** Applies the batch's usage reports not applied before, in record order, inside the kit's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<EventEnvelope<EventData>> fresh, Effects effects) {
        List<Report> reported = fresh.stream().map(Report::of).toList();
        Map<String, String> realTenants = TenantAlias.resolve(reported.stream().map(Report::tenantId).collect(Collectors.toSet()));
        List<Report> reports = reported.stream().map(report -> report.belongingTo(realTenants.get(report.tenantId()))).toList();
        Set<String> tenants = reports.stream().map(Report::tenantId).collect(Collectors.toSet());
        BatchRows<CustomerHealth> customers = new BatchRows<>(CustomerHealth.ofTenants(tenants));
        Map<String, Map<Workload, WorkloadLatest>> latest = WorkloadLatest.ofTenants(tenants);
        RenewalsDue renewalsDue = RenewalsDue.of(tenants);
        // by report key: a later report for the same customer, workload and date replaces the earlier one
        Map<String, UsageReport> history = new LinkedHashMap<>();
        List<WorkloadLatest> newLatest = new ArrayList<>();
        for (Report report : reports) {
            UsageReport row = UsageReport.of(report.cause().eventId(), report.reported());
            history.put(row.reportKey, row);
            Map<Workload, WorkloadLatest> latestOfTenant = latest.computeIfAbsent(report.tenantId(),
                    tenant -> new EnumMap<>(Workload.class));
            WorkloadLatest kept = latestOfTenant.get(report.usage().workload());
            if (kept == null) {
                kept = WorkloadLatest.first(report.tenantId(), report.usage());
                latestOfTenant.put(kept.workload, kept);
                newLatest.add(kept);
            } else {
                kept.offer(report.usage());
            }
            CustomerHealth customer = customers.getOrCreate(report.tenantId(), CustomerHealth::first);
            reassess(report, customer, latestOfTenant.values(), effects);
            renewalsDue.after(report.tenantId(), row, report.usage(),
                    (account, usageHistory) -> renewals.check(account, customer, usageHistory, report.cause(), effects));
        }
        usageReports.replace(history.values());
        // like the customers, latest reports new in this batch are persisted once it is applied, one table after the other
        newLatest.forEach(row -> row.persist());
        customers.persistCreated();
    }

    private void reassess(Report report, CustomerHealth customer, Collection<WorkloadLatest> latestOfTenant, Effects effects) {
        UsageReported reported = report.reported();
        if (reported.renewalDate() != null
                && (customer.renewalReportedAsOf == null || !reported.asOf().isBefore(customer.renewalReportedAsOf))) {
            customer.renewalDate = reported.renewalDate();
            customer.renewalReportedAsOf = reported.asOf();
        }
        reassess(customer, latestOfTenant.stream().map(WorkloadLatest::toUsage).toList(), reported.asOf(), report.cause(), effects);
    }

    /**
     * Assesses the customer from the latest report of each of its workloads and, on a change of category, publishes
     * HealthCategoryChanged (id derived from {@code cause}) and keeps it in the history.
     *
     * @param asOf the date of what changed: the report's, or the latest report folded in from a placeholder
     */
    public void reassess(CustomerHealth customer, List<WorkloadUsage> latest, LocalDate asOf, EventEnvelope<?> cause,
            Effects effects) {
        HealthPolicy.Assessment assessment = policy.assess(customer.category, customer.utilization, readBaseline(customer.baseline), latest);
        customer.utilization = assessment.utilization();
        customer.latestAsOf = latest.stream().map(WorkloadUsage::asOf).max(LocalDate::compareTo).orElseThrow();
        customer.updatedAt = cause.occurredAt();
        if (assessment.changed()) {
            publishChange(customer.tenantId, assessment.change(), asOf, cause, effects);
            customer.category = assessment.category();
            customer.categorySince = asOf;
            customer.baseline = writeJson(assessment.perWorkload());
        }
    }

    private void publishChange(String tenantId, HealthPolicy.Change change, LocalDate asOf, EventEnvelope<?> cause, Effects effects) {
        HealthCategoryChanged changed = new HealthCategoryChanged(tenantId, change.previousCategory(),
                change.newCategory(), change.direction(), change.previousUtilization(), change.utilization(),
                change.drivers(), asOf, cause.occurredAt());
        EventEnvelope<HealthCategoryChanged> envelope = EventEnvelope.of(cause.derivedId("HealthCategoryChanged"),
                cause.occurredAt(), SOURCE, cause.correlationId(), cause.eventId().toString(), changed);
        topic.publish(effects, envelope);

        CategoryChange row = new CategoryChange();
        row.eventId = envelope.eventId();
        row.tenantId = changed.tenantId();
        row.previousCategory = changed.previousCategory();
        row.newCategory = changed.newCategory();
        row.direction = changed.direction();
        row.previousUtilization = changed.previousUtilization();
        row.utilization = changed.utilization();
        row.drivers = writeJson(changed.drivers());
        row.asOf = changed.asOf();
        row.changedAt = changed.changedAt();
        row.persist();
        // counted once committed: a batch that is rolled back and applied again moved nobody twice
        effects.afterCommit(() -> metrics.counter("fasttrack.health.category.moves", "direction", changed.direction(),
                "to", changed.newCategory()).increment());
    }

    private static Map<Workload, BigDecimal> readBaseline(String json) {
        if (json == null) {
            return new EnumMap<>(Workload.class);
        }
        try {
            return JSON.readValue(json, BASELINE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored baseline is not readable: " + json, e);
        }
    }

    static String writeJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value, e);
        }
    }
}
