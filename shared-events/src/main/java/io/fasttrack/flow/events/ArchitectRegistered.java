package io.fasttrack.flow.events;

import io.fasttrack.flow.events.model.ArchitectProfile;
import java.util.Objects;

/** A new architect joined the roster. Topic: roster; key: architect id. */
public record ArchitectRegistered(ArchitectProfile architect) implements EventData {

    public ArchitectRegistered {
        Objects.requireNonNull(architect, "architect");
        Objects.requireNonNull(architect.id(), "architect.id");
    }

    @Override
    public String subject() {
        return architect.id();
    }
}
