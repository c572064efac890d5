package io.fasttrack.flow.kit.api;

import io.fasttrack.flow.events.http.Problem;
import java.util.List;
import java.util.Map;

/** Ends a request with a problem answer, and any extra headers it needs (Retry-After on a 503 or a 409 to retry). */
public class ProblemException extends RuntimeException {

    private final Problem problem;
    private final Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    /** 400 naming every bad field. */
    public static ProblemException invalid(String detail, List<Problem.Violation> violations) {
        return new ProblemException(Problem.invalid(detail, violations));
    }

    /** 400 for one bad field. */
    public static ProblemException invalid(String field, String message) {
        return invalid("the request is invalid", List.of(new Problem.Violation(field, message)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "Not Found", detail));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "Conflict", detail));
    }

    /** 409 that may pass: the caller is told when to try again. */
    public static ProblemException conflictRetryAfter(String detail, int retryAfterSeconds) {
        return new ProblemException(Problem.of(409, "Conflict", detail),
                Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(Problem.of(413, "Content Too Large", detail));
    }

    public static ProblemException unavailable(String detail, int retryAfterSeconds) {
        return new ProblemException(Problem.of(503, "Service Unavailable", detail),
                Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
