package io.fasttrack.flow.intake.store;

import io.fasttrack.flow.events.RequestSubmitted;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Stores the requests the broker acknowledged, for every submission in flight at once: one writer thread takes
 * whatever has queued up since its last write and stores it in one transaction (the rows, and the Idempotency-Keys
 * completed). Concurrent submissions thus share a transaction instead of each holding a worker thread for one of
 * their own, and an idle service still writes each request at once.
 *
 * <p>A write that fails loses nothing: the event is on the broker, and the requests consumer stores the row from
 * it (a key left pending is republished by a repeat once it counts as abandoned). So the stage each caller gets
 * completes when the write ended, successfully or not.
 */
@ApplicationScoped
public class AcceptedRequests {

    /** Most submissions one transaction stores. */
    static final int MAX_BATCH = 500;
    private static final Logger LOG = Logger.getLogger(AcceptedRequests.class);

    private record Accepted(RequestSubmitted event, String idempotencyKey, CompletableFuture<Void> stored) {
    }

    private final BlockingQueue<Accepted> queue = new LinkedBlockingQueue<>();
    private final RequestProjection projection;
    private final IdempotencyKeys idempotencyKeys;
    private volatile boolean running;
    private Thread writer;

    AcceptedRequests(RequestProjection projection, IdempotencyKeys idempotencyKeys) {
        this.projection = projection;
        this.idempotencyKeys = idempotencyKeys;
    }

    /**
     * Stores an acknowledged request and completes its Idempotency-Key (none: {@code null}); the stage completes
     * once the write ended.
     */
    public CompletionStage<Void> store(RequestSubmitted event, String idempotencyKey) {
        Accepted accepted = new Accepted(event, idempotencyKey, new CompletableFuture<>());
        if (!running) {
            LOG.warnf("request %s is on the event log; the service is stopping, so the requests consumer stores it",
                    event.requestId());
            accepted.stored().complete(null);
            return accepted.stored();
        }
        queue.add(accepted);
        return accepted.stored();
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        writer = new Thread(this::writeWhileRunning, "accepted-request-writer");
        writer.setDaemon(true);
        writer.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        if (writer != null) {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    private void writeWhileRunning() {
        List<Accepted> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Accepted first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.forEach(accepted -> accepted.stored().complete(null));
                batch.clear();
            }
        }
    }

    private void write(List<Accepted> batch) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                idempotencyKeys.complete(batch.stream().map(Accepted::idempotencyKey).filter(Objects::nonNull).toList());
                projection.recordAccepted(batch.stream().map(Accepted::event).toList());
            });
        } catch (RuntimeException e) {
            LOG.warnf(e, "%d accepted request(s) are on the event log but not stored yet; the requests consumer will"
                    + " store them", batch.size());
        }
    }
}
