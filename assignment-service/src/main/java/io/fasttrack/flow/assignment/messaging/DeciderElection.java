package io.fasttrack.flow.assignment.messaging;

import io.fasttrack.flow.assignment.DeciderLeaseSettings;
import io.fasttrack.flow.assignment.store.DeciderLease;
import io.fasttrack.flow.kit.messaging.BatchConsumer;
import io.fasttrack.flow.kit.messaging.TransientFailure;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Exactly one instance decides (README "One decider"): the one holding the {@link DeciderLease}. Another one
 * started against the same database and broker follows: it answers HTTP, is not ready, and does not join the
 * consumer groups (its input channels stay paused and unsubscribed, {@code pausable.late-subscription}); it tries to
 * take the lease every {@code fasttrack.assignment.lease.poll-interval}. Once it holds the lease it loads the state
 * and re-applies the decision log ({@link DeciderElected}), then consumes. The holder renews the lease, every
 * deciding transaction holds it first ({@link #holdInThisTransaction()}), and a stop releases it, so a follower
 * takes over at once after a SIGTERM and one lease duration after a crash. An instance that finds its lease taken
 * stops deciding at once and exits, to be started again as a follower; what it had not committed comes again to
 * the new holder, as after a crash.
 */
@ApplicationScoped
public class DeciderElection {

    /** Where this instance stands; only {@link #STARTING} and {@link #DECIDING} hold the lease. */
    public enum Role {
        FOLLOWING, STARTING, DECIDING, STOPPED
    }

    private static final Logger LOG = Logger.getLogger(DeciderElection.class);

    private final AtomicReference<Role> role = new AtomicReference<>(Role.FOLLOWING);
    private volatile Thread follower;

    @Inject
    DeciderLease lease;

    @Inject
    DeciderLeaseSettings settings;

    @Inject
    Event<DeciderElected> elected;

    @Inject
    ChannelRegistry channels;

    /**
     * After the messaging lifecycle connected the channels (its observer has priority LIBRARY_BEFORE): an instance
     * that gets the lease at once starts deciding before start-up ends, as a lone instance always did; otherwise it
     * follows on a thread of its own, since the HTTP server opens only once every start-up observer has returned.
     */
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE + 100) StartupEvent start) {
        if (acquired()) {
            startDeciding();
            return;
        }
        LOG.infof("another instance holds the decider lease: %s follows, not ready, until it can take it", lease.holder());
        Thread waiting = new Thread(this::follow, "decider-lease-follower");
        waiting.setDaemon(true);
        follower = waiting;
        waiting.start();
    }

    /** Gives the lease up before the channels and the database close, so a follower takes over at once. */
    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent stop) {
        Role before = role.getAndSet(Role.STOPPED);
        Thread waiting = follower;
        if (waiting != null) {
            waiting.interrupt();
        }
        if (before == Role.STARTING || before == Role.DECIDING) {
            try {
                // waits for the lock of a deciding transaction still open: the release comes after its commit
                lease.release();
                LOG.infof("decider lease of %s released", lease.holder());
            } catch (RuntimeException unreachable) {
                LOG.warnf("the decider lease could not be released (%s): a follower takes over once it expires",
                        unreachable.getMessage());
            }
        }
    }

    @Scheduled(every = "${fasttrack.assignment.lease.renew-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void renew() {
        if (!holds()) {
            return;
        }
        try {
            if (!lease.renew()) {
                stepDown("another instance took the lease while this one was renewing it");
            }
        } catch (RuntimeException unreachable) {
            // the lease stays this instance's until another one takes it; the next renewal tries again
            LOG.warnf("the decider lease could not be renewed: %s", unreachable.getMessage());
        }
    }

    /**
     * Called first in every deciding transaction. Refuses with a transient failure (nothing is dead-lettered,
     * nothing commits) when this instance does not hold the lease, and steps down when another one took it.
     */
    public void holdInThisTransaction() {
        if (!holds()) {
            throw new TransientFailure("this instance does not hold the decider lease (" + role.get() + ")");
        }
        if (!lease.holdInThisTransaction()) {
            stepDown("another instance took the lease");
            throw new TransientFailure("this instance lost the decider lease: another instance decides");
        }
    }

    public Role role() {
        return role.get();
    }

    public String holder() {
        return lease.holder();
    }

    private boolean holds() {
        Role now = role.get();
        return now == Role.STARTING || now == Role.DECIDING;
    }

    private void follow() {
        try {
            while (role.get() == Role.FOLLOWING) {
                if (acquired()) {
                    startDeciding();
                    return;
                }
                Thread.sleep(settings.pollInterval().toMillis());
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException failed) {
            // as a failed start-up does; a stop that came meanwhile is no failure (the stop releases the lease)
            if (role.get() != Role.STOPPED) {
                LOG.errorf(failed, "%s could not start deciding; stopping so it is started again", lease.holder());
                Quarkus.asyncExit(1);
            }
        }
    }

    private boolean acquired() {
        try {
            return lease.tryAcquire();
        } catch (RuntimeException unreachable) {
            LOG.warnf("the decider lease could not be asked for: %s", unreachable.getMessage());
            return false;
        }
    }

    private void startDeciding() {
        if (!role.compareAndSet(Role.FOLLOWING, Role.STARTING)) {
            return;
        }
        LOG.infof("%s holds the decider lease: loading the state and the decision log", lease.holder());
        elected.fire(new DeciderElected(lease.holder()));
        for (String channel : channels.getIncomingNames()) {
            PausableChannel input = channels.getPausable(channel);
            if (input != null) {
                input.resume();
            }
        }
        if (role.compareAndSet(Role.STARTING, Role.DECIDING)) {
            LOG.infof("%s decides", lease.holder());
        }
    }

    private void stepDown(String why) {
        if (role.getAndSet(Role.STOPPED) != Role.STOPPED) {
            LOG.errorf("%s stops deciding: %s. It exits so its supervisor starts it again as a follower; what it had "
                    + "not committed comes again to the instance that holds the lease now", lease.holder(), why);
            // as at a SIGTERM: a batch that fails from now on is neither dead-lettered nor acknowledged
            BatchConsumer.stopping(true);
            Quarkus.asyncExit(1);
        }
    }

    /** Scheduled work that decides (the SLA check) runs only where the lease is held. */
    @Singleton
    public static class NotDeciding implements Scheduled.SkipPredicate {

        @Inject
        DeciderElection election;

        @Override
        public boolean test(ScheduledExecution execution) {
            return election.role() != Role.DECIDING;
        }
    }
}
