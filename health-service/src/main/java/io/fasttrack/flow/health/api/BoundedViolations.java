package io.fasttrack.flow.health.api;

import io.fasttrack.flow.events.http.Problem;
import io.fasttrack.flow.events.http.Problem.Violation;
import io.fasttrack.flow.kit.api.ProblemException;
import java.util.ArrayList;
import java.util.List;

/**
 * The violations of one call, kept up to what a problem lists ({@link Problem#MAX_VIOLATIONS}) and only counted
 * past that: a body of a million bad fields builds a hundred violations, not a million.
 */
final class BoundedViolations {

    private final List<Violation> listed = new ArrayList<>();
    private int omitted;

    /** Whether another violation would still be listed: past the limit a caller need not even word it. */
    boolean listsMore() {
        return listed.size() < Problem.MAX_VIOLATIONS;
    }

    void add(String field, String message) {
        if (listsMore()) {
            listed.add(new Violation(field, message));
        } else {
            omitted++;
        }
    }

    /** Counts a violation beyond the listed ones without wording it. */
    void count() {
        if (listsMore()) {
            throw new IllegalStateException("a violation that would be listed must be added, not only counted");
        }
        omitted++;
    }

    boolean isEmpty() {
        return listed.isEmpty();
    }

    int total() {
        return listed.size() + omitted;
    }

    /** A 400 problem listing the first violations and counting the rest in {@code omittedViolations}. */
    ProblemException problem(String detail) {
        return new ProblemException(new Problem("about:blank", "Bad Request", 400, detail, null, List.copyOf(listed),
                omitted == 0 ? null : omitted));
    }
}
