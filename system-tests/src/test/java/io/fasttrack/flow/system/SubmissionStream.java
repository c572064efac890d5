package io.fasttrack.flow.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests flowing into intake while a test injects a fault: a few senders, each submitting one land benefit
 * request after another (a fresh tenant and Idempotency-Key each) through a {@link PatientSubmitter}, so every
 * request it starts is retried until it is accepted. {@link #stop()} lets each sender finish the request it is
 * on and answers every request id intake accepted.
 */
final class SubmissionStream implements AutoCloseable {

    /** Between one accepted request and the next of a sender: a steady trickle, not a load test. */
    private static final Duration PACE = Duration.ofMillis(200);

    private final PatientSubmitter submitter;
    private final String tenantPrefix;
    private final List<String> accepted = new ArrayList<>();
    private final AtomicInteger started = new AtomicInteger();
    private final ExecutorService senders;
    private final List<Future<?>> running = new ArrayList<>();
    private volatile boolean stopping;

    private SubmissionStream(Api api, int senderCount, String tenantPrefix) {
        this.submitter = new PatientSubmitter(api);
        this.tenantPrefix = tenantPrefix;
        this.senders = Executors.newFixedThreadPool(senderCount);
        for (int i = 0; i < senderCount; i++) {
            running.add(senders.submit(this::sendUntilStopped));
        }
    }

    /** Starts {@code senderCount} senders of requests for tenants named {@code <tenantPrefix>-<random>}. */
    static SubmissionStream start(Api api, int senderCount, String tenantPrefix) {
        return new SubmissionStream(api, senderCount, tenantPrefix);
    }

    private Void sendUntilStopped() throws InterruptedException {
        while (!stopping) {
            started.incrementAndGet();
            String requestId = submitter.submitUntilAccepted(Api.landBenefit(Api.unique(tenantPrefix)),
                    UUID.randomUUID().toString());
            synchronized (accepted) {
                accepted.add(requestId);
            }
            Thread.sleep(PACE.toMillis());
        }
        return null;
    }

    /** Waits until at least {@code count} requests were accepted in all: the stream is flowing. */
    void awaitAccepted(int count, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (acceptedSoFar() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + acceptedSoFar() + " of " + count + " requests accepted within "
                        + patience + "; answers " + submitter.answers());
            }
            Thread.sleep(50);
        }
    }

    /**
     * Starts no more requests, waits until each sender's last one is accepted, and answers the ids of every
     * request accepted; fails if a sender failed (a request refused for good, or never accepted).
     */
    List<String> stop() throws InterruptedException {
        stopping = true;
        for (Future<?> sender : running) {
            try {
                sender.get(5, TimeUnit.MINUTES);
            } catch (ExecutionException e) {
                throw new AssertionError("a sender failed: " + e.getCause().getMessage(), e.getCause());
            } catch (TimeoutException e) {
                throw new AssertionError("a sender did not finish its request in 5 minutes", e);
            }
        }
        senders.shutdown();
        synchronized (accepted) {
            return List.copyOf(accepted);
        }
    }

    /** "started N, accepted M, answers {202=..., 503=...}" for the test's printed figures. */
    String figures() {
        return "started " + started.get() + ", accepted " + acceptedSoFar() + ", answers " + submitter.answers()
                + " (" + PatientSubmitter.NO_ANSWER + " = no answer)";
    }

    int acceptedSoFar() {
        synchronized (accepted) {
            return accepted.size();
        }
    }

    /** Stops the senders at once: for a test that failed before {@link #stop()}. */
    @Override
    public void close() {
        stopping = true;
        senders.shutdownNow();
    }
}
