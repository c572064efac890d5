package io.fasttrack.flow.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * What a phase cost in CPU, per request: the CPU seconds each process used over the phase's window (from
 * {@link ProcessCpu#snapshot()}) divided by the phase's requests, and the marginal cost of a request between two
 * phases (two offered rates). The stack is the broker and the services: every named process but the load
 * generator, which is reported apart, and the whole machine, which also counts everything else running on it.
 */
final class CpuCost {

    static final String STACK = "stack";
    static final String GENERATOR = "load-generator";
    static final String MACHINE = "machine";

    private CpuCost() {
    }

    /** CPU seconds per process over one phase (STACK and MACHINE among them), and the requests they served. */
    record Window(Map<String, Double> seconds, long requests) {

        /**
         * The CPU each process used between two snapshots: "machine busy" becomes {@link #MACHINE}, "machine
         * total" is dropped, a process missing from either snapshot or whose time went back (another process
         * under the same pid) is left out; {@link #STACK} sums the rest but the generator.
         */
        static Window between(Map<String, Double> before, Map<String, Double> after, long requests) {
            Map<String, Double> seconds = new LinkedHashMap<>();
            seconds.put(STACK, 0.0);
            double stack = 0;
            double machine = Double.NaN;
            double generator = Double.NaN;
            for (Map.Entry<String, Double> end : after.entrySet()) {
                String name = end.getKey();
                Double start = before.get(name);
                if (start == null || name.equals("machine total")) {
                    continue;
                }
                double used = end.getValue() - start;
                if (used < 0) {
                    continue;
                }
                if (name.equals("machine busy")) {
                    machine = used;
                } else if (name.equals(GENERATOR)) {
                    generator = used;
                } else {
                    seconds.put(name, used);
                    stack += used;
                }
            }
            seconds.put(STACK, stack);
            if (!Double.isNaN(generator)) {
                seconds.put(GENERATOR, generator);
            }
            if (!Double.isNaN(machine)) {
                seconds.put(MACHINE, machine);
            }
            return new Window(seconds, requests);
        }

        /** Milliseconds of CPU per request, in the order of {@link #seconds}; empty without requests. */
        Map<String, Double> msPerRequest() {
            Map<String, Double> ms = new LinkedHashMap<>();
            if (requests > 0) {
                seconds.forEach((name, used) -> ms.put(name, used * 1000 / requests));
            }
            return ms;
        }
    }

    /**
     * The marginal CPU of one more request from phase A to phase B (e.g. 100 and 500 req/s offered), each given
     * as its repeats: (mean CPU seconds of B - mean of A) / (mean requests of B - mean of A), in milliseconds, per
     * process that every window of both has, STACK and MACHINE included. What both phases pay regardless of
     * their load (idle timers, the broker's housekeeping, the generator's polling) cancels out. Empty when either
     * side has no windows or the requests do not grow from A to B.
     */
    static Map<String, Double> marginal(List<Window> a, List<Window> b) {
        Map<String, Double> ms = new LinkedHashMap<>();
        if (a.isEmpty() || b.isEmpty()) {
            return ms;
        }
        double requests = meanRequests(b) - meanRequests(a);
        if (!(requests > 0)) {
            return ms;
        }
        Set<String> names = new LinkedHashSet<>(b.get(0).seconds().keySet());
        for (Window window : concat(a, b)) {
            names.retainAll(window.seconds().keySet());
        }
        for (String name : names) {
            ms.put(name, (meanSeconds(b, name) - meanSeconds(a, name)) * 1000 / requests);
        }
        return ms;
    }

    /** The medians over the repeats of each process's ms per request, in the order of the first window. */
    static Map<String, Stats.Spread> perRequest(List<Window> repeats) {
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        for (Window window : repeats) {
            window.msPerRequest().forEach((name, ms) -> samples.computeIfAbsent(name, n -> new ArrayList<>()).add(ms));
        }
        Map<String, Stats.Spread> spreads = new LinkedHashMap<>();
        samples.forEach((name, values) -> spreads.put(name, Stats.of(values)));
        return spreads;
    }

    /**
     * {@code stack 12.3 (kafka 1.0, intake-service 4.0, ...), load-generator 0.8 (not in the stack), machine 14.0}
     * from ms per request by process; "n/a" when empty.
     */
    static String describe(Map<String, Double> ms) {
        if (ms.isEmpty()) {
            return "n/a";
        }
        StringJoiner each = new StringJoiner(", ");
        ms.forEach((name, value) -> {
            if (!name.equals(STACK) && !name.equals(GENERATOR) && !name.equals(MACHINE)) {
                each.add(name + " " + fmt(value));
            }
        });
        StringBuilder out = new StringBuilder();
        out.append(STACK).append(' ').append(fmt(ms.getOrDefault(STACK, Double.NaN))).append(" (").append(each).append(')');
        if (ms.containsKey(GENERATOR)) {
            out.append(", ").append(GENERATOR).append(' ').append(fmt(ms.get(GENERATOR))).append(" (not in the stack)");
        }
        if (ms.containsKey(MACHINE)) {
            out.append(", whole machine ").append(fmt(ms.get(MACHINE)));
        }
        return out.toString();
    }

    private static double meanRequests(List<Window> windows) {
        double sum = 0;
        for (Window window : windows) {
            sum += window.requests();
        }
        return sum / windows.size();
    }

    private static double meanSeconds(List<Window> windows, String name) {
        double sum = 0;
        for (Window window : windows) {
            sum += window.seconds().get(name);
        }
        return sum / windows.size();
    }

    private static List<Window> concat(List<Window> a, List<Window> b) {
        List<Window> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static String fmt(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, value >= 100 || value <= -100 ? "%.0f" : "%.2f", value);
    }
}
