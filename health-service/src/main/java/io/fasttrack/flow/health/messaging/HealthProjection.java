package io.fasttrack.flow.health.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.HealthCategoryChanged;
import io.fasttrack.flow.events.UsageReported;
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.health.domain.HealthPolicy;
import io.fasttrack.flow.health.store.CategoryChange;
import io.fasttrack.flow.health.store.CustomerHealth;
import io.fasttrack.flow.health.store.UsageReport;
import io.fasttrack.flow.health.store.WorkloadLatest;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Applies one UsageReported: stores the report, reassesses the customer's category and, on a change,
 * sends HealthCategoryChanged (id derived from the report's event id) and hands its ack to the caller, which
 * waits for it before the transaction commits, so a redelivery after a crash republishes the same event id.
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

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope<?> cause, UsageReported report, List<CompletableFuture<Void>> acks) {
        store(cause, report);
        CustomerHealth customer = CustomerHealth.findById(report.tenantId());
        boolean known = customer != null;
        if (!known) {
            customer = new CustomerHealth();
            customer.tenantId = report.tenantId();
        }
        if (report.renewalDate() != null
                && (customer.renewalReportedAsOf == null || !report.asOf().isBefore(customer.renewalReportedAsOf))) {
            customer.renewalDate = report.renewalDate();
            customer.renewalReportedAsOf = report.asOf();
        }
        var latest = WorkloadLatest.of(report.tenantId()).stream().map(WorkloadLatest::toUsage).toList();
        HealthPolicy.Assessment assessment = policy.assess(customer.category, customer.utilization, readBaseline(customer.baseline), latest);
        customer.utilization = assessment.utilization();
        customer.latestAsOf = latest.stream().map(usage -> usage.asOf()).max(LocalDate::compareTo).orElseThrow();
        customer.updatedAt = cause.occurredAt();
        if (assessment.changed()) {
            acks.add(publishChange(cause, report, assessment.change()));
            customer.category = assessment.category();
            customer.categorySince = report.asOf();
            customer.baseline = writeJson(assessment.perWorkload());
        }
        if (!known) {
            customer.persist();
        }
    }

    private void store(EventEnvelope<?> cause, UsageReported report) {
        String key = UsageReport.key(report.tenantId(), report.workload(), report.asOf());
        UsageReport stored = UsageReport.findById(key);
        boolean fresh = stored == null;
        if (fresh) {
            stored = new UsageReport();
            stored.reportKey = key;
            stored.tenantId = report.tenantId();
            stored.workload = report.workload();
            stored.asOf = report.asOf();
        }
        stored.licensed = report.licensed();
        stored.active = report.active();
        stored.renewalDate = report.renewalDate();
        stored.eventId = cause.eventId();
        stored.reportedAt = report.reportedAt();
        if (fresh) {
            stored.persist();
        }
        WorkloadLatest.offer(report.tenantId(), report.workload(), report.asOf(), report.licensed(), report.active());
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
