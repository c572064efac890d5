package io.fasttrack.flow.health.domain;

import java.util.Objects;

/**
 * Whether a customer's renewal is at risk: the forecast at the renewal date falls in a category below the target.
 * Only a forecast that runs to the renewal says so (enough report dates, the renewal after the latest report).
 */
public final class RenewalRisk {

    private final CategoryScale scale;
    private final String targetCategory;

    public RenewalRisk(CategoryScale scale, String targetCategory) {
        this.scale = Objects.requireNonNull(scale, "scale");
        if (targetCategory == null || !scale.knows(targetCategory)) {
            throw new IllegalArgumentException("the renewal target category must be one of " + scale.names() + ": " + targetCategory);
        }
        this.targetCategory = targetCategory;
    }

    public String targetCategory() {
        return targetCategory;
    }

    public boolean atRisk(Forecaster.Forecast forecast) {
        return forecast.sufficientData() && Forecaster.BASIS_RENEWAL_DATE.equals(forecast.targetBasis())
                && scale.rank(forecast.category()) < scale.rank(targetCategory);
    }
}
