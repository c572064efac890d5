package io.fasttrack.flow.health.api;

import io.fasttrack.flow.events.http.Problem;

/** Ends a request with the given problem report. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
