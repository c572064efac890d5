package io.fasttrack.flow.health.domain;

import java.math.BigDecimal;
import java.util.List;

final class Fixtures {

    static final CategoryScale SCALE = new CategoryScale(List.of("NO_USAGE", "LOW", "GROWING", "HEALTHY"),
            List.of(new BigDecimal("0.05"), new BigDecimal("0.30"), new BigDecimal("0.60")));

    static final CategoryRule RULE = new CategoryRule(SCALE, new BigDecimal("0.02"));

    private Fixtures() {
    }

    static BigDecimal pct(String percent) {
        return new BigDecimal(percent).movePointLeft(2);
    }
}
