package io.fasttrack.flow.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The spread of one figure over the repeats of a phase: min, median and max (NaN samples left out). */
final class Stats {

    private Stats() {
    }

    /**
     * {@code n} is how many samples counted; with none, every figure is NaN. The median of an even number of
     * samples is the mean of the middle two.
     */
    record Spread(double min, double median, double max, int n) {

        /** {@code 12.3 / 14.0 / 15.1}, each with one decimal; {@code n/a} when nothing counted. */
        String describe() {
            if (n == 0) {
                return "n/a";
            }
            return n == 1 ? one(median) : one(min) + " / " + one(median) + " / " + one(max);
        }

        private static String one(double value) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
    }

    static Spread of(Collection<Double> samples) {
        List<Double> values = new ArrayList<>();
        for (Double sample : samples) {
            if (sample != null && !sample.isNaN()) {
                values.add(sample);
            }
        }
        if (values.isEmpty()) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        Collections.sort(values);
        int n = values.size();
        double median = n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
        return new Spread(values.get(0), median, values.get(n - 1), n);
    }

    static double median(Collection<Double> samples) {
        return of(samples).median();
    }

    /** The arithmetic mean of the samples that are numbers; NaN when none is. */
    static double mean(Collection<Double> samples) {
        double sum = 0;
        int n = 0;
        for (Double sample : samples) {
            if (sample != null && !sample.isNaN()) {
                sum += sample;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
