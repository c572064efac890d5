package io.fasttrack.flow.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of a run as {@code key=value} lines for deploy/bench/run. A figure sampled once per repeat of its
 * phase ({@code rate500.p99_ms}) is written as its median under its own key, with {@code .min} and {@code .max}
 * beside it ({@code rate500.p99_ms.min}, {@code rate500.p99_ms.max}); a text is written as it is. Keys keep the
 * order they were first given in.
 */
final class Summary {

    private sealed interface Entry permits Samples, Text {
    }

    private record Samples(List<Double> values, int decimals, boolean count) implements Entry {
    }

    private record Text(String value) implements Entry {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** One repeat's value of a measured figure, written with {@code decimals} decimals. */
    void sample(String key, double value, int decimals) {
        Entry entry = entries.computeIfAbsent(key, k -> new Samples(new ArrayList<>(), decimals, false));
        if (entry instanceof Samples samples) {
            samples.values().add(value);
        } else {
            throw new IllegalStateException(key + " is a text, not a sampled figure");
        }
    }

    void sample(String key, double value) {
        sample(key, value, 1);
    }

    /** One repeat's value of a count: written without decimals while its median is whole. */
    void count(String key, long value) {
        Entry entry = entries.computeIfAbsent(key, k -> new Samples(new ArrayList<>(), 1, true));
        if (entry instanceof Samples samples) {
            samples.values().add((double) value);
        } else {
            throw new IllegalStateException(key + " is a text, not a count");
        }
    }

    /** A figure that has one value for the whole run (a text, or a number computed over every repeat). */
    void text(String key, String value) {
        entries.put(key, new Text(value));
    }

    /** The spread of a sampled figure over its repeats (n = 0 when it was never sampled). */
    Stats.Spread spread(String key) {
        return entries.get(key) instanceof Samples samples ? Stats.of(samples.values())
                : new Stats.Spread(Double.NaN, Double.NaN, Double.NaN, 0);
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        entries.forEach((key, entry) -> {
            if (entry instanceof Text text) {
                lines.add(key + "=" + text.value());
            } else if (entry instanceof Samples samples) {
                Stats.Spread spread = Stats.of(samples.values());
                lines.add(key + "=" + format(spread.median(), samples));
                lines.add(key + ".min=" + format(spread.min(), samples));
                lines.add(key + ".max=" + format(spread.max(), samples));
            }
        });
        return lines;
    }

    private static String format(double value, Samples samples) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (samples.count() && value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%." + samples.decimals() + "f", value);
    }
}
