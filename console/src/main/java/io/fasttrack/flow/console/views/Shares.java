package io.fasttrack.flow.console.views;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Shares of 1 as people read them. */
public final class Shares {

    private Shares() {
    }

    /** A whole percentage: 0.4937 is "49 %"; a missing share is a dash. */
    public static String percent(BigDecimal share) {
        return share == null ? "—" : share.movePointRight(2).setScale(0, RoundingMode.HALF_UP) + " %";
    }
}
