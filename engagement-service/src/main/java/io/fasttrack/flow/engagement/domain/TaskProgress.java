package io.fasttrack.flow.engagement.domain;

import java.time.Instant;
import java.util.Collection;

/** The state of one task of an engagement, as far as compliance cares. */
public record TaskProgress(boolean mandatory, Instant dueAt, Instant completedAt) {

    public boolean done() {
        return completedAt != null;
    }

    public boolean doneOnTime() {
        return completedAt != null && !completedAt.isAfter(dueAt);
    }

    public static boolean allMandatoryDone(Collection<TaskProgress> tasks) {
        return tasks.stream().filter(TaskProgress::mandatory).allMatch(TaskProgress::done);
    }

    public static boolean allMandatoryDoneOnTime(Collection<TaskProgress> tasks) {
        return tasks.stream().filter(TaskProgress::mandatory).allMatch(TaskProgress::doneOnTime);
    }
}
