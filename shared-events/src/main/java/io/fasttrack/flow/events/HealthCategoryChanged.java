package io.fasttrack.flow.events;

import io.fasttrack.flow.events.model.HealthDriver;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A customer's health category changed. Category names are configuration, hence strings.
 * Topic: health; key: tenant id.
 *
 * @param previousCategory null for the first category a customer gets
 * @param direction        {@code UP} or {@code DOWN} (or {@code NEW} for a first category)
 * @param drivers          the workloads that moved most, biggest move first
 */
public record HealthCategoryChanged(
        String tenantId,
        String previousCategory,
        String newCategory,
        String direction,
        BigDecimal previousUtilization,
        BigDecimal utilization,
        List<HealthDriver> drivers,
        LocalDate asOf,
        Instant changedAt) implements EventData {

    public HealthCategoryChanged {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(newCategory, "newCategory");
        drivers = drivers == null ? List.of() : List.copyOf(drivers);
    }

    @Override
    public String subject() {
        return tenantId;
    }
}
