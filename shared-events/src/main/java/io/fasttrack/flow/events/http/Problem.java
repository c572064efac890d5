package io.fasttrack.flow.events.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The error body every FastTrack HTTP API answers with, as {@code application/problem+json} (RFC 9457),
 * extended with the list of {@link Violation}s so a caller sees every bad field at once. The list is bounded:
 * past {@link #MAX_VIOLATIONS} the rest are only counted in {@code omittedViolations}, so a hostile body of a
 * million bad fields still gets a small answer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> violations,
        Integer omittedViolations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final int MAX_VIOLATIONS = 100;

    /** A field that was missing or invalid: a JSON path such as {@code attachments[0].kind} and what is wrong with it. */
    public record Violation(String field, String message) {
    }

    public Problem {
        violations = violations == null ? List.of() : violations;
        if (violations.size() > MAX_VIOLATIONS) {
            int omitted = violations.size() - MAX_VIOLATIONS + (omittedViolations == null ? 0 : omittedViolations);
            violations = violations.subList(0, MAX_VIOLATIONS);
            omittedViolations = omitted;
        }
        violations = List.copyOf(violations);
    }

    public Problem(String type, String title, int status, String detail, String instance, List<Violation> violations) {
        this(type, title, status, detail, instance, violations, null);
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, List.of());
    }

    public static Problem invalid(String detail, List<Violation> violations) {
        return new Problem("about:blank", "Bad Request", 400, detail, null, violations);
    }

    public Problem at(String instancePath) {
        return new Problem(type, title, status, detail, instancePath, violations, omittedViolations);
    }
}
