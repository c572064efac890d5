package io.fasttrack.flow.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The forecast at a customer's renewal is below the target category. Once per renewal date.
 * Topic: health; key: tenant id.
 *
 * @param forecastUtilization the forecast utilization at the renewal date
 */
public record RenewalAtRisk(
        String tenantId,
        LocalDate renewalDate,
        String currentCategory,
        String forecastCategory,
        String targetCategory,
        BigDecimal forecastUtilization,
        Instant detectedAt) implements EventData {

    public RenewalAtRisk {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(renewalDate, "renewalDate");
        Objects.requireNonNull(forecastCategory, "forecastCategory");
        Objects.requireNonNull(targetCategory, "targetCategory");
    }

    @Override
    public String subject() {
        return tenantId;
    }
}
