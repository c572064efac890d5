package io.fasttrack.flow.engagement.api;

import java.time.LocalDate;

/**
 * The shapes of the request bodies, for the OpenAPI contract. The resources read bodies field by field
 * (the kit's {@code JsonFields}) so that one answer can name every bad field.
 */
public final class RequestBodies {

    private RequestBodies() {
    }

    public record CompleteTaskBody(String completedBy) {
    }

    public record StatusNoteBody(String author, String note) {
    }

    public record DibsBody(LocalDate targetDate, String intent, String businessReason, String successOwner) {
    }
}
