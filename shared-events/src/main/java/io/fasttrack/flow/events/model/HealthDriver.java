package io.fasttrack.flow.events.model;

import java.math.BigDecimal;

/** A workload that drove a health category change, with how far its utilization moved. */
public record HealthDriver(Workload workload, BigDecimal utilizationBefore, BigDecimal utilizationAfter) {
}
