package io.fasttrack.flow.events.http;

import java.util.HashSet;
import java.util.Set;

/**
 * An unexpected failure described for a service log without exception messages: a message can quote
 * the request (a requestor's name or e-mail), so the log keeps only exception classes and stack frames.
 */
public final class FailureTrace {

    private static final int FRAMES_PER_CAUSE = 25;

    private FailureTrace() {
    }

    public static String of(Throwable failure) {
        StringBuilder trace = new StringBuilder();
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            trace.append(cause == failure ? "" : "\ncaused by ").append(cause.getClass().getName());
            StackTraceElement[] frames = cause.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, FRAMES_PER_CAUSE); i++) {
                trace.append("\n\tat ").append(frames[i]);
            }
        }
        return trace.toString();
    }
}
