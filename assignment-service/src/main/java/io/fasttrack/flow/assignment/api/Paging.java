package io.fasttrack.flow.assignment.api;

import io.fasttrack.flow.events.http.Problem.Violation;
import java.util.ArrayList;
import java.util.List;

/** Validated {@code page} (0-based) and {@code size} query parameters. */
record Paging(int page, int size) {

    static final int MAX_SIZE = 500;

    static Paging of(Integer page, Integer size) {
        List<Violation> violations = new ArrayList<>();
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0) {
            violations.add(new Violation("page", "must be 0 or more"));
        }
        if (s < 1 || s > MAX_SIZE) {
            violations.add(new Violation("size", "must be from 1 to " + MAX_SIZE));
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        return new Paging(p, s);
    }

    int offset() {
        return page * size;
    }
}
