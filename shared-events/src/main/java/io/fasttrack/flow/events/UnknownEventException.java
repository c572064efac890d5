package io.fasttrack.flow.events;

/** An event whose type, or whose version of a known type, this build cannot read. */
public class UnknownEventException extends EventDecodingException {

    public UnknownEventException(String message) {
        super(message);
    }
}
