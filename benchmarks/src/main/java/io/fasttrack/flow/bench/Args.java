package io.fasttrack.flow.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@code --name=value} (or {@code --name value}) command-line options; an option nobody asked for is an error. */
final class Args {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> read = new TreeSet<>();

    private Args() {
    }

    static Args parse(String[] argv) {
        Args args = new Args();
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                args.values.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) {
                args.values.put(arg.substring(2), argv[++i]);
            } else {
                args.values.put(arg.substring(2), "true");
            }
        }
        return args;
    }

    String get(String name, String fallback) {
        read.add(name);
        String value = values.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    int getInt(String name, int fallback) {
        return Integer.parseInt(get(name, Integer.toString(fallback)).replace("_", ""));
    }

    long getLong(String name, long fallback) {
        return Long.parseLong(get(name, Long.toString(fallback)).replace("_", ""));
    }

    boolean getBoolean(String name) {
        return Boolean.parseBoolean(get(name, "false"));
    }

    /** Seconds, or a value with unit: {@code 20}, {@code 20s}, {@code 500ms}, {@code 2m}. */
    Duration getDuration(String name, Duration fallback) {
        String value = get(name, null);
        return value == null ? fallback : duration(value);
    }

    static Duration duration(String value) {
        String v = value.trim();
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
        }
        if (v.endsWith("m")) {
            return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)) * 60);
        }
        return Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
    }

    List<Integer> getIntList(String name, String fallback) {
        List<Integer> list = new ArrayList<>();
        String value = get(name, fallback);
        if (value.equalsIgnoreCase("none")) {
            return list;
        }
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                list.add(Integer.parseInt(part.trim().replace("_", "")));
            }
        }
        return list;
    }

    /** Fails on options that no {@code get} asked for: a typo must not silently run the default. */
    void rejectUnknown() {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(read);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s): " + unknown);
        }
    }
}
