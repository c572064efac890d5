package io.fasttrack.flow.kit.api;

/** The longest text each kind of request field takes, the same wherever the field is read. */
public enum FieldLimit {
    /** A tenant id, an architect id, a request or engagement id. */
    ID(128),
    /** A person: an author, an owner, who completed a task. */
    PERSON(200),
    /** A display name. */
    NAME(200),
    /** A sentence: an intent, a business reason. */
    SENTENCE(1000),
    /** A free note. */
    NOTE(4000);

    private final int maxLength;

    FieldLimit(int maxLength) {
        this.maxLength = maxLength;
    }

    public int maxLength() {
        return maxLength;
    }
}
