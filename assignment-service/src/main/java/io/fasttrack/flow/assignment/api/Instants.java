package io.fasttrack.flow.assignment.api;

import io.fasttrack.flow.kit.api.FieldLimit;
import io.fasttrack.flow.kit.api.JsonFields;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Instants in request bodies, as every window of this service takes them (verify, simulations). */
final class Instants {

    private Instants() {
    }

    /** The instant in the field, null when it is absent (or refused, then named among the violations). */
    static Instant optional(JsonFields fields, String field) {
        return parse(fields, field, fields.optionalText(field, FieldLimit.ID));
    }

    /** The instant in the field, null (and a violation) when it is absent or not an instant. */
    static Instant required(JsonFields fields, String field) {
        return parse(fields, field, fields.requiredText(field, FieldLimit.ID));
    }

    private static Instant parse(JsonFields fields, String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            fields.violation(field, "must be an instant such as 2026-12-01T09:00:00Z");
            return null;
        }
    }
}
