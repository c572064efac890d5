package io.fasttrack.flow.engagement;

import io.fasttrack.flow.kit.store.ProcessedEvents;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;

/** Waits for the service to have applied an event it reads, for a test that then asserts nothing changed. */
public final class Applied {

    private Applied() {
    }

    public static void await(UUID eventId) {
        ProcessedEvents processed = Arc.container().instance(ProcessedEvents.class).get();
        Awaitility.await().atMost(Fixtures.WAIT).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> processed.alreadyApplied(List.of(eventId)).contains(eventId)));
    }
}
