package io.fasttrack.flow.assignment.api;

import io.fasttrack.flow.events.http.Problem;
import java.util.List;

/** A request the service refuses; becomes an {@code application/problem+json} answer. */
public class ApiException extends RuntimeException {

    private final transient Problem problem;

    public ApiException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public static ApiException notFound(String detail) {
        return new ApiException(Problem.of(404, "Not Found", detail));
    }

    public static ApiException conflict(String detail) {
        return new ApiException(Problem.of(409, "Conflict", detail));
    }

    public static ApiException invalid(List<Problem.Violation> violations) {
        return new ApiException(Problem.invalid("the request has " + violations.size() + " invalid field(s)", violations));
    }

    public Problem problem() {
        return problem;
    }
}
