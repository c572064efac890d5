package io.fasttrack.flow.engagement.domain;

import io.fasttrack.flow.events.model.FtopTask;
import java.util.Objects;

/**
 * One entry of the FTOP task catalogue.
 *
 * @param dueDays days after the engagement opened by which the task counts as done on time
 */
public record TaskDefinition(String taskId, String name, boolean mandatory, int dueDays, TaskCondition appliesTo) {

    public TaskDefinition {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(appliesTo, "appliesTo");
        if (dueDays < 0) {
            throw new IllegalArgumentException("task " + taskId + ": dueDays must not be negative");
        }
    }

    public FtopTask toTask() {
        return new FtopTask(taskId, name, mandatory);
    }
}
