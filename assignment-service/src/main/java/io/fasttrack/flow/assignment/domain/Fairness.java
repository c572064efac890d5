package io.fasttrack.flow.assignment.domain;

import java.math.BigDecimal;

/** Spread of utilization across the available architects of one role. */
public record Fairness(int architects, BigDecimal meanUtilization, BigDecimal standardDeviation, BigDecimal maxMinusMin) {
}
