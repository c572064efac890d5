package io.fasttrack.flow.kit.api;

import io.fasttrack.flow.events.http.Problem.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code page} (0-based) and {@code size} query parameters of every list, with the same defaults and limits
 * everywhere; a bad one is a 400 naming it. A page whose rows would lie beyond the largest row offset a store
 * takes ({@code (page + 1) * size > Integer.MAX_VALUE}) is refused too, instead of overflowing into a 500.
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    /** Reads the raw query parameters; {@code null} takes the default. */
    public static Paging of(String page, String size) {
        List<Violation> violations = new ArrayList<>();
        int p = number("page", page, 0, Integer.MAX_VALUE, 0, violations);
        int s = number("size", size, 1, MAX_SIZE, DEFAULT_SIZE, violations);
        if (violations.isEmpty() && ((long) p + 1) * s > Integer.MAX_VALUE) {
            violations.add(new Violation("page", "page " + p + " of size " + s + " lies beyond the last row a list can have ("
                    + Integer.MAX_VALUE + "): at most " + (Integer.MAX_VALUE / s - 1) + " for this size"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("the paging parameters are invalid", violations);
        }
        return new Paging(p, s);
    }

    public int offset() {
        return page * size;
    }

    /** The page of an in-memory list. */
    public <T> Page<T> of(List<T> all) {
        int from = Math.min(all.size(), offset());
        return new Page<>(all.subList(from, Math.min(all.size(), from + size)), all.size(), page, size);
    }

    /** A page read from a store that counted all matches. */
    public <T> Page<T> of(List<T> items, long total) {
        return new Page<>(items, total, page, size);
    }

    /** The envelope of every list: {@code {items, total, page, size}}. */
    public record Page<T>(List<T> items, long total, int page, int size) {

        public <R> Page<R> map(Function<T, R> view) {
            return new Page<>(items.stream().map(view).toList(), total, page, size);
        }
    }

    private static int number(String name, String raw, int min, int max, int fallback, List<Violation> violations) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        violations.add(new Violation(name, max == Integer.MAX_VALUE ? "must be a whole number of " + min + " or more"
                : "must be a whole number from " + min + " to " + max));
        return fallback;
    }
}
