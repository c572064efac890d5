package io.fasttrack.flow.kit.messaging;

import io.fasttrack.flow.events.EventDecodingException;

/**
 * A readable event that cannot be applied whatever happens around it (no architect, an unknown architect, a
 * negative capacity, a date far ahead of the clock): a permanent failure, dead-lettered with this message.
 */
public class InvalidEventException extends EventDecodingException {

    public InvalidEventException(String message) {
        super(message);
    }
}
