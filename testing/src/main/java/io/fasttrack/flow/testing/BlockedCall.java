package io.fasttrack.flow.testing;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;

/**
 * A call run on a thread of its own, for a test of locking: the test waits until the call is really blocked (its
 * thread waits on a lock or a condition) instead of sleeping a while and hoping it got there.
 */
public final class BlockedCall<T> {

    private static final Set<Thread.State> WAITING = EnumSet.of(Thread.State.BLOCKED, Thread.State.WAITING,
            Thread.State.TIMED_WAITING);

    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final Thread thread;

    private BlockedCall(Callable<T> call) {
        thread = new Thread(() -> {
            try {
                result.complete(call.call());
            } catch (Throwable failed) {
                result.completeExceptionally(failed);
            }
        }, "blocked-call");
        thread.setDaemon(true);
    }

    public static <T> BlockedCall<T> start(Callable<T> call) {
        BlockedCall<T> blocked = new BlockedCall<>(call);
        blocked.thread.start();
        return blocked;
    }

    /** Waits until the call's thread waits, or the call is over (then the test's next assertion says so). */
    public BlockedCall<T> awaitBlocked() {
        Awaitility.await("the call to block").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> result.isDone() || WAITING.contains(thread.getState()));
        return this;
    }

    public CompletableFuture<T> result() {
        return result;
    }
}
