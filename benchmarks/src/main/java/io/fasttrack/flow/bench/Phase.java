package io.fasttrack.flow.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * One load phase: every request it sent, by sequence number, with the instants that matter. Request
 * {@code seq} of phase {@code index} carries tenant id {@code <runPrefix><index>-<seq>}, so an event on any
 * topic keyed by tenant id points straight at its slot (no map, no race with the HTTP answer).
 *
 * <p>A slot leaves {@link #PENDING} exactly once: to {@link #OPENED} (its EngagementOpened was seen),
 * {@link #FAILED} (no 202) or {@link #TIMED_OUT}. Whoever makes that move releases the closed-loop permit.
 */
final class Phase {

    static final int PENDING = 0;
    static final int OPENED = 1;
    static final int FAILED = 2;
    static final int TIMED_OUT = 3;

    /** What the phase is in the summary ({@code rate500}, {@code saturation}): the same for each of its repeats. */
    final String key;
    /** Which repeat of its key this phase is, from 1; 0 for a phase that is not repeated. */
    final int repeat;
    /** How it is printed: the key, and its repeat ({@code rate500 #2}). */
    final String name;
    final int index;
    /** Offered rate in requests/s; 0 for the closed-loop (as fast as it can) phase. */
    final int rate;
    final int capacity;

    final AtomicLongArray intended;
    final AtomicLongArray sent;
    final AtomicLongArray answered;
    final AtomicLongArray opened;
    final AtomicIntegerArray status;
    final AtomicIntegerArray state;
    final AtomicReferenceArray<String> requestIds;
    final AtomicReferenceArray<String> eventRequestIds;
    /** Kafka record timestamps (epoch ms) of the hops: RequestSubmitted, FtaAssigned, EngagementOpened. */
    final AtomicLongArray submittedAt;
    final AtomicLongArray assignedAt;
    final AtomicLongArray openedAt;

    final AtomicInteger issued = new AtomicInteger();
    final AtomicInteger completed = new AtomicInteger();
    final AtomicInteger answeredCount = new AtomicInteger();
    final AtomicLong lastOpened = new AtomicLong();
    final LongAdder queuedEvents = new LongAdder();
    final Map<Integer, LongAdder> statusCounts = new ConcurrentSkipListMap<>();
    final AtomicReference<String> firstError = new AtomicReference<>();
    volatile Semaphore closedLoopPermits;
    private int sweepFrom;

    Phase(String name, int index, int rate, int capacity) {
        this(name, 0, index, rate, capacity);
    }

    Phase(String key, int repeat, int index, int rate, int capacity) {
        this.key = key;
        this.repeat = repeat;
        this.name = repeat > 0 ? key + " #" + repeat : key;
        this.index = index;
        this.rate = rate;
        this.capacity = capacity;
        intended = new AtomicLongArray(capacity);
        sent = new AtomicLongArray(capacity);
        answered = new AtomicLongArray(capacity);
        opened = new AtomicLongArray(capacity);
        status = new AtomicIntegerArray(capacity);
        state = new AtomicIntegerArray(capacity);
        requestIds = new AtomicReferenceArray<>(capacity);
        eventRequestIds = new AtomicReferenceArray<>(capacity);
        submittedAt = new AtomicLongArray(capacity);
        assignedAt = new AtomicLongArray(capacity);
        openedAt = new AtomicLongArray(capacity);
    }

    void answer(int seq, long now, int httpStatus, String requestId, String errorText) {
        answered.set(seq, now);
        status.set(seq, httpStatus);
        statusCounts.computeIfAbsent(httpStatus, s -> new LongAdder()).increment();
        answeredCount.incrementAndGet();
        if (httpStatus == 202) {
            requestIds.set(seq, requestId);
        } else {
            if (errorText != null) {
                firstError.compareAndSet(null, (httpStatus < 0 ? "transport error: " : "HTTP " + httpStatus + ": ")
                        + errorText.substring(0, Math.min(400, errorText.length())));
            }
            leave(seq, FAILED);
        }
    }

    void open(int seq, long now, String eventRequestId, long recordTimestamp) {
        if (seq < 0 || seq >= capacity) {
            return;
        }
        openedAt.compareAndSet(seq, 0, recordTimestamp);
        eventRequestIds.compareAndSet(seq, null, eventRequestId);
        if (opened.compareAndSet(seq, 0, now) && leave(seq, OPENED)) {
            completed.incrementAndGet();
            lastOpened.accumulateAndGet(now, Math::max);
        }
    }

    void hop(int seq, String type, long recordTimestamp) {
        if (seq < 0 || seq >= capacity) {
            return;
        }
        switch (type) {
            case "RequestSubmitted" -> submittedAt.compareAndSet(seq, 0, recordTimestamp);
            case "FtaAssigned" -> assignedAt.compareAndSet(seq, 0, recordTimestamp);
            case "RequestQueued" -> queuedEvents.increment();
            default -> {
            }
        }
    }

    /** How many requests intake accepted (202) so far. */
    long accepted() {
        LongAdder accepted = statusCounts.get(202);
        return accepted == null ? 0 : accepted.sum();
    }

    private boolean leave(int seq, int to) {
        if (state.compareAndSet(seq, PENDING, to)) {
            Semaphore permits = closedLoopPermits;
            if (permits != null) {
                permits.release();
            }
            return true;
        }
        return false;
    }

    /**
     * Times out requests older than {@code timeoutNanos}; answers whether every issued request has left PENDING.
     * Called from one thread only (the sweeper, or the driver once the sweeper is done).
     */
    synchronized boolean sweep(long now, long timeoutNanos) {
        int upTo = issued.get();
        while (sweepFrom < upTo && state.get(sweepFrom) != PENDING) {
            sweepFrom++;
        }
        for (int seq = sweepFrom; seq < upTo; seq++) {
            if (state.get(seq) != PENDING) {
                continue;
            }
            if (now - intended.get(seq) < timeoutNanos) {
                break;
            }
            leave(seq, TIMED_OUT);
        }
        while (sweepFrom < upTo && state.get(sweepFrom) != PENDING) {
            sweepFrom++;
        }
        return sweepFrom >= upTo;
    }
}
