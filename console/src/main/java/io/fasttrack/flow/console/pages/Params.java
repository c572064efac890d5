package io.fasttrack.flow.console.pages;

/** What the pages' filters and forms send, as the services want it. */
final class Params {

    private Params() {
    }

    /** A text as typed, trimmed; null when nothing was typed, so the service applies no filter. */
    static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
