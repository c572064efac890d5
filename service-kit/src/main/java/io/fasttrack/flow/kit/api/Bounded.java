package io.fasttrack.flow.kit.api;

/** Keeps texts that may quote a caller's input short enough for a problem body. */
final class Bounded {

    static final int MAX_MESSAGE_LENGTH = 200;

    private Bounded() {
    }

    static String text(String message) {
        if (message == null || message.length() <= MAX_MESSAGE_LENGTH) {
            return message;
        }
        return message.substring(0, MAX_MESSAGE_LENGTH) + "...";
    }
}
