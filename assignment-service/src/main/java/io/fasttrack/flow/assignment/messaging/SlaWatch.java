package io.fasttrack.flow.assignment.messaging;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Every {@code fasttrack.assignment.sla.check-interval}: offers the current capacity to waiting requests,
 * then reports those past their SLA deadline. Only on the instance that decides (a follower has no state loaded).
 */
@ApplicationScoped
public class SlaWatch {

    @Inject
    AssignmentEngine engine;

    @Scheduled(every = "${fasttrack.assignment.sla.check-interval}", delayed = "${fasttrack.assignment.sla.check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = DeciderElection.NotDeciding.class)
    void check() {
        engine.assignWaitingNow();
        engine.checkSla();
    }
}
