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
import io.fasttrack.flow.health.store.CategoryChange;
import io.fasttrack.flow.health.store.CustomerHealth;
import io.fasttrack.flow.health.store.ProcessedEvent;
import io.fasttrack.flow.health.store.UsageReport;
import io.fasttrack.flow.health.store.WorkloadLatest;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Applies a batch of UsageReported in record order: stores each report, reassesses its customer's category and, on
 * a change, sends HealthCategoryChanged (id derived from the report's event id) and hands its ack to the caller,
 * which waits for it before the transaction commits, so a redelivery after a crash republishes the same event id.
 *
 * <p>The rows of every customer in the batch are read up front with one query per table, the reports are applied
 * to them in memory, and the writes go out together at the commit: a batch costs a handful of queries however
 * many reports it holds, which is what lets a projection rebuild keep up with the topic.
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
    EventPublisher publisher;

    @Inject
    MeterRegistry metrics;

    @Inject
    Clock clock;

    /**
     * Applies the usage reports among these events, skipping any event id applied before (or earlier in the same
     * list), and adds the acks of the category changes it sends to {@code acks}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<EventEnvelope<EventData>> events, List<CompletableFuture<Void>> acks) {
        List<EventEnvelope<EventData>> reports = events.stream().filter(event -> event.data() instanceof UsageReported).toList();
        Set<UUID> firstDeliveries = ProcessedEvent.firstDeliveries(reports.stream().map(EventEnvelope::eventId).toList(),
                clock.instant());
        List<EventEnvelope<EventData>> fresh = reports.stream().filter(event -> firstDeliveries.remove(event.eventId())).toList();
        if (fresh.isEmpty()) {
            return;
        }
        Set<String> tenants = fresh.stream().map(event -> usage(event).tenantId()).collect(Collectors.toSet());
        Map<String, CustomerHealth> customers = CustomerHealth.<CustomerHealth>list("tenantId in ?1", tenants).stream()
                .collect(Collectors.toMap(customer -> customer.tenantId, customer -> customer));
        Map<String, Map<Workload, WorkloadLatest>> latest = WorkloadLatest.ofTenants(tenants);
        Map<String, UsageReport> stored = UsageReport.byKey(fresh.stream().map(event -> reportKey(usage(event))).collect(Collectors.toSet()));
        for (EventEnvelope<EventData> cause : fresh) {
            UsageReported report = usage(cause);
            store(cause, report, stored);
            Map<Workload, WorkloadLatest> latestOfTenant = latest.computeIfAbsent(report.tenantId(), tenant -> new EnumMap<>(Workload.class));
            WorkloadLatest.offer(latestOfTenant, report.tenantId(), report.workload(), report.asOf(), report.licensed(), report.active());
            CustomerHealth customer = customers.get(report.tenantId());
            boolean firstReport = customer == null;
            if (firstReport) {
                customer = new CustomerHealth();
                customer.tenantId = report.tenantId();
                customers.put(customer.tenantId, customer);
            }
            reassess(cause, report, customer, latestOfTenant.values(), acks);
            if (firstReport) {
                // the insert carries the state at persist: fill the row first
                customer.persist();
            }
        }
    }

    private void reassess(EventEnvelope<?> cause, UsageReported report, CustomerHealth customer,
            Collection<WorkloadLatest> latestOfTenant, List<CompletableFuture<Void>> acks) {
        if (report.renewalDate() != null
                && (customer.renewalReportedAsOf == null || !report.asOf().isBefore(customer.renewalReportedAsOf))) {
            customer.renewalDate = report.renewalDate();
            customer.renewalReportedAsOf = report.asOf();
        }
        List<WorkloadUsage> latest = latestOfTenant.stream().map(WorkloadLatest::toUsage).toList();
        HealthPolicy.Assessment assessment = policy.assess(customer.category, customer.utilization, readBaseline(customer.baseline), latest);
        customer.utilization = assessment.utilization();
        customer.latestAsOf = latest.stream().map(WorkloadUsage::asOf).max(LocalDate::compareTo).orElseThrow();
        customer.updatedAt = cause.occurredAt();
        if (assessment.changed()) {
            acks.add(publishChange(cause, report, assessment.change()));
            customer.category = assessment.category();
            customer.categorySince = report.asOf();
            customer.baseline = writeJson(assessment.perWorkload());
        }
    }

    private static void store(EventEnvelope<?> cause, UsageReported report, Map<String, UsageReport> stored) {
        String key = reportKey(report);
        UsageReport row = stored.get(key);
        boolean fresh = row == null;
        if (fresh) {
            row = new UsageReport();
            row.reportKey = key;
            row.tenantId = report.tenantId();
            row.workload = report.workload();
            row.asOf = report.asOf();
        }
        row.licensed = report.licensed();
        row.active = report.active();
        row.renewalDate = report.renewalDate();
        row.eventId = cause.eventId();
        row.reportedAt = report.reportedAt();
        if (fresh) {
            row.persist();
            stored.put(key, row);
        }
    }

    private static UsageReported usage(EventEnvelope<EventData> event) {
        return (UsageReported) event.data();
    }

    private static String reportKey(UsageReported report) {
        return UsageReport.key(report.tenantId(), report.workload(), report.asOf());
    }

    private CompletableFuture<Void> publishChange(EventEnvelope<?> cause, UsageReported report, HealthPolicy.Change change) {
        HealthCategoryChanged changed = new HealthCategoryChanged(report.tenantId(), change.previousCategory(),
                change.newCategory(), change.direction(), change.previousUtilization(), change.utilization(),
                change.drivers(), report.asOf(), cause.occurredAt());
        EventEnvelope<HealthCategoryChanged> envelope = EventEnvelope.of(cause.derivedId("HealthCategoryChanged"),
                cause.occurredAt(), SOURCE, cause.correlationId(), cause.eventId().toString(), changed);
        CompletableFuture<Void> ack = publisher.sendHealth(envelope);

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
        metrics.counter("fasttrack.health.category.moves", "direction", changed.direction(), "to", changed.newCategory())
                .increment();
        return ack;
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
