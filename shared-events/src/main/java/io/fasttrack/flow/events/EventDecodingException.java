package io.fasttrack.flow.events;

/** A record that is not a readable FastTrack event; its message says why, fit for a dead-letter reason. */
public class EventDecodingException extends RuntimeException {

    public EventDecodingException(String message) {
        super(message);
    }

    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
