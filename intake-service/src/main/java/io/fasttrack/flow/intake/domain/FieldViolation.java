package io.fasttrack.flow.intake.domain;

/** One missing or invalid field of a submission: its JSON path (e.g. {@code attachments[1].kind}) and what is wrong. */
public record FieldViolation(String field, String message) {
}
