package io.fasttrack.flow.engagement.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/** Counters of what this service decided (replays of the log do not count again). */
@Singleton
public class EngagementMetrics {

    private final Counter opened;
    private final Counter reassigned;
    private final Counter completed;
    private final Counter tasksCompleted;
    private final MeterRegistry registry;

    EngagementMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.opened = Counter.builder("fasttrack.engagement.opened").register(registry);
        this.reassigned = Counter.builder("fasttrack.engagement.reassigned").register(registry);
        this.completed = Counter.builder("fasttrack.engagement.completed").register(registry);
        this.tasksCompleted = Counter.builder("fasttrack.engagement.tasks.completed").register(registry);
    }

    public void engagementOpened() {
        opened.increment();
    }

    public void engagementReassigned() {
        reassigned.increment();
    }

    public void engagementCompleted() {
        completed.increment();
    }

    public void taskCompleted() {
        tasksCompleted.increment();
    }

    public void notification(String outcome) {
        registry.counter("fasttrack.engagement.notifications", "outcome", outcome).increment();
    }
}
