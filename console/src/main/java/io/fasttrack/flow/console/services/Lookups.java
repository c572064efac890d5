package io.fasttrack.flow.console.services;

import java.util.function.Supplier;
import org.jboss.resteasy.reactive.ClientWebApplicationException;

/** Reads of something that may not exist yet: an undecided request has no decision, an unopened one no engagement. */
public final class Lookups {

    private Lookups() {
    }

    /** What the service answers, or null when it answers 404; any other refusal goes on to the page's mapper. */
    public static <T> T orNullIfNotFound(Supplier<T> read) {
        try {
            return read.get();
        } catch (ClientWebApplicationException refused) {
            if (refused.getResponse().getStatus() == 404) {
                return null;
            }
            throw refused;
        }
    }
}
