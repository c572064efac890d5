package io.fasttrack.flow.health.domain;

import io.fasttrack.flow.events.model.Workload;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Projects a customer's seat-weighted utilization to its renewal date.
 *
 * <p>The series has one point per distinct report date: the seat-weighted utilization over the latest
 * report of each workload as of that date. An ordinary least-squares line through those points is
 * evaluated at the target date and clamped to [0, 1]; the category there is the one the projected
 * utilization falls in by the thresholds alone. The target is the renewal date when one is known and lies
 * after the latest report, else the latest report date plus the default horizon. Fewer than the minimum
 * number of distinct report dates gives no projection, only the statement that the data is insufficient.
 */
public final class Forecaster {

    public static final String BASIS_RENEWAL_DATE = "RENEWAL_DATE";
    public static final String BASIS_DEFAULT_HORIZON = "DEFAULT_HORIZON";

    private final CategoryScale scale;
    private final int defaultHorizonDays;
    private final int minimumReportDates;

    public Forecaster(CategoryScale scale, int defaultHorizonDays, int minimumReportDates) {
        this.scale = Objects.requireNonNull(scale, "scale");
        if (defaultHorizonDays < 1 || minimumReportDates < 2) {
            throw new IllegalArgumentException("horizon must be >= 1 day and at least 2 report dates are needed for a trend");
        }
        this.defaultHorizonDays = defaultHorizonDays;
        this.minimumReportDates = minimumReportDates;
    }

    public Forecast forecast(Collection<WorkloadUsage> history, LocalDate renewalDate) {
        List<Point> series = series(history);
        if (series.size() < minimumReportDates) {
            return Forecast.insufficient(series.size(), "insufficient data: " + series.size()
                    + " distinct report date(s), a trend needs at least " + minimumReportDates);
        }
        LocalDate first = series.get(0).date();
        LocalDate last = series.get(series.size() - 1).date();
        boolean renewalAhead = renewalDate != null && renewalDate.isAfter(last);
        LocalDate target = renewalAhead ? renewalDate : last.plusDays(defaultHorizonDays);
        double meanX = 0;
        double meanY = 0;
        for (Point point : series) {
            meanX += ChronoUnit.DAYS.between(first, point.date());
            meanY += point.utilization().doubleValue();
        }
        meanX /= series.size();
        meanY /= series.size();
        double covariance = 0;
        double variance = 0;
        for (Point point : series) {
            double dx = ChronoUnit.DAYS.between(first, point.date()) - meanX;
            covariance += dx * (point.utilization().doubleValue() - meanY);
            variance += dx * dx;
        }
        double slope = covariance / variance;
        double projected = meanY + slope * (ChronoUnit.DAYS.between(first, target) - meanX);
        double clamped = Math.max(0, Math.min(1, projected));
        BigDecimal utilization = BigDecimal.valueOf(clamped).setScale(Utilization.SCALE, RoundingMode.HALF_EVEN);
        return new Forecast(true, "least-squares linear trend over " + series.size() + " report dates"
                + (clamped != projected ? ", clamped to [0, 1]" : ""),
                series.size(), target, renewalAhead ? BASIS_RENEWAL_DATE : BASIS_DEFAULT_HORIZON,
                BigDecimal.valueOf(slope).setScale(8, RoundingMode.HALF_EVEN), utilization, scale.categoryOf(utilization));
    }

    /** One point per distinct report date: seat-weighted utilization of the latest report per workload as of that date. */
    public static List<Point> series(Collection<WorkloadUsage> history) {
        TreeMap<LocalDate, List<WorkloadUsage>> byDate = new TreeMap<>();
        history.forEach(usage -> byDate.computeIfAbsent(usage.asOf(), date -> new ArrayList<>()).add(usage));
        Map<Workload, WorkloadUsage> latest = new EnumMap<>(Workload.class);
        List<Point> series = new ArrayList<>();
        byDate.forEach((date, reports) -> {
            reports.forEach(usage -> latest.put(usage.workload(), usage));
            series.add(new Point(date, Utilization.seatWeighted(latest.values())));
        });
        return series;
    }

    public record Point(LocalDate date, BigDecimal utilization) {
    }

    /**
     * @param trendPerDay change of utilization per day along the fitted line, null without a projection
     */
    public record Forecast(boolean sufficientData, String method, int reportDates, LocalDate targetDate, String targetBasis,
            BigDecimal trendPerDay, BigDecimal utilization, String category) {

        static Forecast insufficient(int reportDates, String reason) {
            return new Forecast(false, reason, reportDates, null, null, null, null, null);
        }
    }
}
