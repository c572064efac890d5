package io.fasttrack.flow.health.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One customer of GET /renewals: its contract, its category now and the forecast at the renewal.
 *
 * @param category            the category now, null when no usage was reported yet
 * @param forecastCategory    the category forecast at the renewal, null when the forecast does not reach it
 *                            (too few report dates, or no report before the renewal date)
 * @param forecastUtilization the utilization forecast at the renewal (fraction of 1), null like the category
 */
public record RenewalView(String tenantId, LocalDate renewalDate, LocalDate anniversaryDate, String fastTrackManager,
        String category, String forecastCategory, BigDecimal forecastUtilization) {
}
