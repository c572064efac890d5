package io.fasttrack.flow.engagement;

import io.fasttrack.flow.engagement.domain.ReviewPolicy;
import io.fasttrack.flow.engagement.domain.StalenessPolicy;
import io.fasttrack.flow.engagement.domain.TaskCatalogue;
import io.fasttrack.flow.engagement.domain.TaskCondition;
import io.fasttrack.flow.engagement.domain.TaskDefinition;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** The one place where the configured domain objects are made (the clock is the kit's). */
@Singleton
public class DomainProducers {

    @Produces
    @Singleton
    TaskCatalogue taskCatalogue(EngagementSettings settings) {
        List<TaskDefinition> definitions = settings.tasks().entrySet().stream().map(entry -> {
            EngagementSettings.TaskSettings task = entry.getValue();
            EngagementSettings.AppliesTo rule = task.appliesTo();
            TaskCondition condition = new TaskCondition(rule.queue().orElse(null), rule.requestTypes().orElse(null),
                    rule.engageBeforeLicensePurchase().orElse(null), rule.minFundingUsd().orElse(null));
            return new TaskDefinition(entry.getKey(), task.name(), task.mandatory(),
                    task.dueDays().orElse(settings.defaultTaskDueDays()), condition);
        }).toList();
        return new TaskCatalogue(definitions, settings.defaultTaskDueDays());
    }

    @Produces
    @Singleton
    StalenessPolicy stalenessPolicy(EngagementSettings settings) {
        return new StalenessPolicy(settings.statusNoteDueAfter(), settings.staleAfter());
    }

    @Produces
    @Singleton
    ReviewPolicy reviewPolicy(EngagementSettings settings) {
        return new ReviewPolicy(settings.review().requiredFor());
    }
}
