package io.fasttrack.flow.engagement.api;

import io.fasttrack.flow.events.model.EscalationSeverity;
import io.fasttrack.flow.events.model.ReviewDecision;
import java.time.LocalDate;
import java.util.List;

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

    /** {@code risks}: at most 20, each 1 to 500 characters; {@code note}: at most 4000 characters. */
    public record ReviewBody(ReviewDecision decision, List<String> risks, String note) {
    }

    /** {@code blocker}: at most 1000 characters; {@code owner}: at most 200. */
    public record EscalationBody(EscalationSeverity severity, String blocker, String owner) {
    }

    /** {@code resolution}: at most 4000 characters. */
    public record ResolutionBody(String resolution) {
    }
}
