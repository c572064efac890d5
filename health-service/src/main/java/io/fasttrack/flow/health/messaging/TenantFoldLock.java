package io.fasttrack.flow.health.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Folding a placeholder into its real tenant moves rows that the usage and account channels write: a batch that
 * folds runs alone, from before its transaction begins until it committed, while the others run side by side.
 */
@ApplicationScoped
public class TenantFoldLock {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    /** A batch that writes a customer's usage or account rows. */
    public <T> T shared(Supplier<T> batch) {
        return holding(lock.readLock(), batch);
    }

    /** A batch that folds placeholders into their real tenants. */
    public <T> T exclusive(Supplier<T> batch) {
        return holding(lock.writeLock(), batch);
    }

    private static <T> T holding(Lock held, Supplier<T> batch) {
        held.lock();
        try {
            return batch.get();
        } finally {
            held.unlock();
        }
    }
}
