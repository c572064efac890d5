package io.fasttrack.flow.engagement;

import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestType;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Settings of the engagement service, under {@code fasttrack.engagement}. */
@ConfigMapping(prefix = "fasttrack.engagement")
public interface EngagementSettings {

    /** The FTOP task catalogue, keyed by task id. */
    Map<String, TaskSettings> tasks();

    /** Days after opening by which a task counts as done on time, unless the task sets its own. */
    @WithDefault("30")
    int defaultTaskDueDays();

    /** An open engagement without a status note for this long is stale. */
    @WithDefault("P28D")
    Duration staleAfter();

    Notification notification();

    /** Kafka consumer group of both incoming channels; a fresh group over an empty database rebuilds the projection. */
    @WithDefault("engagement-service")
    String consumerGroup();

    /** How often the engagements consumer tries an event that collides with a concurrent write before dead-lettering it. */
    @WithDefault("10")
    int applyAttempts();

    interface TaskSettings {
        String name();

        @WithDefault("false")
        boolean mandatory();

        Optional<Integer> dueDays();

        AppliesTo appliesTo();
    }

    /** Conditions that must all hold for a task to apply; an unset one matches every request. */
    interface AppliesTo {
        Optional<RequestQueue> queue();

        Optional<Set<RequestType>> requestTypes();

        Optional<Boolean> engageBeforeLicensePurchase();

        Optional<BigDecimal> minFundingUsd();
    }

    interface Notification {
        /**
         * An assignment older than this (by the clock) is not announced any more: replaying the log into an
         * empty database must not e-mail every requestor again.
         */
        @WithDefault("P7D")
        Duration maxAssignmentAge();

        @WithDefault("FastTrack architect assigned")
        String subject();
    }
}
