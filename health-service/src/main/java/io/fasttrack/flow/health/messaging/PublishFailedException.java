package io.fasttrack.flow.health.messaging;

/** Events could not be confirmed by the broker; nothing may be treated as published. */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
