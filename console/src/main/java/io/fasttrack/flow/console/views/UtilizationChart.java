package io.fasttrack.flow.console.views;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import io.fasttrack.flow.console.services.HealthApi;

/**
 * A customer's utilization over time as an inline SVG line chart: the whole customer and each workload from the
 * reports that moved its category, up to the latest report, then the forecast to its target date (the renewal, when
 * one is known) as a dashed line.
 */
public record UtilizationChart(List<Series> series, Line forecast, Line renewal, List<Tick> dateTicks,
        List<Tick> shareTicks) {

    static final int WIDTH = 640;
    static final int HEIGHT = 240;
    static final int LEFT = 44;
    static final int RIGHT = 16;
    static final int TOP = 10;
    static final int BOTTOM = 26;

    /** One line: its points as SVG wants them ("x,y x,y ..."), and the same points as dots with their values. */
    public record Series(String name, String cssClass, String points, List<Dot> dots) {
    }

    public record Dot(int x, int y, String label) {
    }

    public record Line(int x1, int y1, int x2, int y2, String label) {
    }

    /** A label on an axis; {@code anchor} keeps the first and last date inside the chart. */
    public record Tick(int position, String label, String anchor) {
    }

    public static UtilizationChart of(HealthApi.CustomerHealth health) {
        Map<LocalDate, BigDecimal> whole = new TreeMap<>();
        health.history().forEach(change -> whole.put(change.asOf(), change.utilization()));
        if (health.asOf() != null && health.utilization() != null) {
            whole.put(health.asOf(), health.utilization());
        }
        Map<String, Map<LocalDate, BigDecimal>> perWorkload = new TreeMap<>();
        health.history().forEach(change -> change.drivers().forEach(driver -> perWorkload
                .computeIfAbsent(driver.workload(), workload -> new TreeMap<>())
                .put(change.asOf(), driver.utilizationAfter())));
        health.workloads().forEach(workload -> perWorkload
                .computeIfAbsent(workload.workload(), name -> new TreeMap<>())
                .put(workload.asOf(), workload.utilization()));

        HealthApi.Forecast forecast = health.forecast();
        boolean forecastShown = forecast != null && forecast.sufficientData() && forecast.targetDate() != null
                && forecast.utilization() != null && health.asOf() != null && health.utilization() != null;
        List<LocalDate> dates = Stream.concat(whole.keySet().stream(),
                Stream.of(forecastShown ? forecast.targetDate() : null, health.renewalDate()))
                .filter(date -> date != null).sorted().toList();
        if (dates.isEmpty()) {
            return new UtilizationChart(List.of(), null, null, List.of(), percentTicks());
        }
        Scale scale = new Scale(dates.get(0), dates.get(dates.size() - 1));

        List<Series> series = new ArrayList<>();
        series.add(series("whole customer", "series-0", whole, scale));
        int index = 1;
        for (Map.Entry<String, Map<LocalDate, BigDecimal>> workload : perWorkload.entrySet()) {
            series.add(series(workload.getKey(), "series-" + Math.min(index++, 5), workload.getValue(), scale));
        }
        Line forecastLine = forecastShown ? new Line(scale.x(health.asOf()), scale.y(health.utilization()),
                scale.x(forecast.targetDate()), scale.y(forecast.utilization()),
                "forecast " + Shares.percent(forecast.utilization()) + " (" + forecast.category() + ") on "
                        + forecast.targetDate()) : null;
        Line renewal = health.renewalDate() == null ? null : new Line(scale.x(health.renewalDate()), TOP,
                scale.x(health.renewalDate()), HEIGHT - BOTTOM, "renewal " + health.renewalDate());
        LocalDate middle = scale.first.plusDays(scale.days / 2);
        List<Tick> dateTicks = scale.first.equals(scale.last)
                ? List.of(new Tick(scale.x(scale.first), scale.first.toString(), "start"))
                : List.of(new Tick(scale.x(scale.first), scale.first.toString(), "start"),
                        new Tick(scale.x(middle), middle.toString(), "middle"),
                        new Tick(scale.x(scale.last), scale.last.toString(), "end"));
        return new UtilizationChart(series, forecastLine, renewal, dateTicks, percentTicks());
    }

    private static Series series(String name, String cssClass, Map<LocalDate, BigDecimal> values, Scale scale) {
        List<Dot> dots = values.entrySet().stream().map(point -> new Dot(scale.x(point.getKey()),
                scale.y(point.getValue()), name + " " + Shares.percent(point.getValue()) + " on " + point.getKey()))
                .toList();
        String points = String.join(" ", dots.stream().map(dot -> dot.x() + "," + dot.y()).toList());
        return new Series(name, cssClass, points, dots);
    }

    private static List<Tick> percentTicks() {
        Scale any = new Scale(LocalDate.EPOCH, LocalDate.EPOCH);
        return Stream.of(0, 25, 50, 75, 100)
                .map(percent -> new Tick(any.y(BigDecimal.valueOf(percent, 2)), percent + " %", "start")).toList();
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int plotLeft() {
        return LEFT;
    }

    public int plotRight() {
        return WIDTH - RIGHT;
    }

    public int plotBottom() {
        return HEIGHT - BOTTOM;
    }

    public int dateLabelY() {
        return HEIGHT - 8;
    }

    /** Dates to x across the plot, shares of 1 (capped at 1) to y, 0 at the bottom. */
    private record Scale(LocalDate first, LocalDate last, long days) {

        Scale(LocalDate first, LocalDate last) {
            this(first, last, Math.max(1, ChronoUnit.DAYS.between(first, last)));
        }

        int x(LocalDate date) {
            return LEFT + (int) Math.round((WIDTH - LEFT - RIGHT) * (double) ChronoUnit.DAYS.between(first, date) / days);
        }

        int y(BigDecimal share) {
            double capped = Math.max(0, Math.min(1, share.doubleValue()));
            return TOP + (int) Math.round((HEIGHT - TOP - BOTTOM) * (1 - capped));
        }
    }
}
