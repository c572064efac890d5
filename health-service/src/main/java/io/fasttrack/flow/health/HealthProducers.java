package io.fasttrack.flow.health;

import io.fasttrack.flow.health.domain.AlertRules;
import io.fasttrack.flow.health.domain.CategoryRule;
import io.fasttrack.flow.health.domain.CategoryScale;
import io.fasttrack.flow.health.domain.Forecaster;
import io.fasttrack.flow.health.domain.HealthPolicy;
import io.fasttrack.flow.health.domain.RenewalRisk;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.List;

/** Builds the pure domain objects from configuration, once; the clock is the kit's. */
public class HealthProducers {

    @Produces
    @Singleton
    CategoryScale categoryScale(HealthSettings settings) {
        List<BigDecimal> thresholds = settings.categoryThresholdsPercent().stream().map(percent -> percent.movePointLeft(2)).toList();
        return new CategoryScale(settings.categoryNames(), thresholds);
    }

    @Produces
    @Singleton
    HealthPolicy healthPolicy(CategoryScale scale, HealthSettings settings) {
        return new HealthPolicy(new CategoryRule(scale, settings.marginPercent().movePointLeft(2)), settings.driverLimit());
    }

    @Produces
    @Singleton
    RenewalRisk renewalRisk(CategoryScale scale, HealthSettings settings) {
        return new RenewalRisk(scale, settings.renewal().targetCategory());
    }

    /** A target category the scale does not know stops the service at startup, not at the first renewal checked. */
    void checkRenewalTarget(@Observes StartupEvent start, RenewalRisk risk) {
        risk.targetCategory();
    }

    @Produces
    @Singleton
    Forecaster forecaster(CategoryScale scale, HealthSettings settings) {
        return new Forecaster(scale, settings.forecast().defaultHorizonDays(), settings.forecast().minimumReportDates());
    }

    @Produces
    @Singleton
    AlertRules alertRules(HealthSettings settings) {
        return new AlertRules(settings.alerts().categoryDownWindow());
    }
}
