package io.fasttrack.flow.intake.messaging;

/** The broker did not acknowledge an event in time; nothing may be treated as published. */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
