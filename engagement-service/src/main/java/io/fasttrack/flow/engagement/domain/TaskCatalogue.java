package io.fasttrack.flow.engagement.domain;

import io.fasttrack.flow.events.model.FtopTask;
import io.fasttrack.flow.events.model.RequestSnapshot;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The FTOP task catalogue: which tasks an engagement opens with, decided from its request alone. */
public final class TaskCatalogue {

    private final List<TaskDefinition> definitions;
    private final int defaultDueDays;

    public TaskCatalogue(List<TaskDefinition> definitions, int defaultDueDays) {
        this.definitions = definitions.stream().sorted(Comparator.comparing(TaskDefinition::taskId)).toList();
        this.defaultDueDays = defaultDueDays;
    }

    /** The tasks for a request, ordered by task id, so the same request always yields the same list. */
    public List<FtopTask> tasksFor(RequestSnapshot request) {
        return definitions.stream().filter(definition -> definition.appliesTo().matches(request))
                .map(TaskDefinition::toTask).toList();
    }

    public Optional<TaskDefinition> definition(String taskId) {
        return definitions.stream().filter(definition -> definition.taskId().equals(taskId)).findFirst();
    }

    /** Due period of a task; a task no longer in the catalogue (an old engagement) gets the default. */
    public int dueDays(String taskId) {
        return definition(taskId).map(TaskDefinition::dueDays).orElse(defaultDueDays);
    }
}
