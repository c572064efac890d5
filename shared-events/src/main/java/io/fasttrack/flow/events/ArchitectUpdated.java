package io.fasttrack.flow.events;

import io.fasttrack.flow.events.model.ArchitectProfile;
import java.util.Objects;

/** An architect's profile changed (capacity, availability, skills...); carries the whole new profile. Topic: roster. */
public record ArchitectUpdated(ArchitectProfile architect) implements EventData {

    public ArchitectUpdated {
        Objects.requireNonNull(architect, "architect");
        Objects.requireNonNull(architect.id(), "architect.id");
    }

    @Override
    public String subject() {
        return architect.id();
    }
}
