package io.fasttrack.flow.engagement.api;

import io.fasttrack.flow.events.http.Problem;
import java.util.List;

/** Ends a request with the given problem report. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "Not Found", detail));
    }

    public static ProblemException invalid(String detail, List<Problem.Violation> violations) {
        return new ProblemException(Problem.invalid(detail, violations));
    }

    public Problem problem() {
        return problem;
    }
}
