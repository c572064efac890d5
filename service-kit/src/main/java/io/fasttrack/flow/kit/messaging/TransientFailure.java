package io.fasttrack.flow.kit.messaging;

/**
 * A failure that says nothing about the event: a dependency (database, broker) did not answer. The consumer
 * waits it out and applies the same records again; it never dead-letters them.
 */
public class TransientFailure extends RuntimeException {

    public TransientFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public TransientFailure(String message) {
        super(message);
    }
}
