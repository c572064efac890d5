package io.fasttrack.flow.engagement;

import io.fasttrack.flow.engagement.messaging.MailDelivery;
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

    /** An open engagement without a status note for this long is due one (StatusNoteDue). */
    @WithDefault("P14D")
    Duration statusNoteDueAfter();

    /** An open engagement without a status note for this long is stale (EngagementStale). */
    @WithDefault("P28D")
    Duration staleAfter();

    /** How often the cadence sweep looks for engagements due a status note or gone stale. */
    @WithDefault("1m")
    Duration cadenceCheckInterval();

    Notification notification();

    Review review();

    /** Kafka consumer group of both incoming channels; a fresh group over an empty database rebuilds the projection. */
    @WithDefault("engagement-service")
    String consumerGroup();

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

    interface Review {
        /** Request types whose engagements complete only after a final review decision (APPROVED or REJECTED). */
        @WithDefault("MIGRATION_EXCEPTION,ECIF_DWR_REVIEW")
        Set<RequestType> requiredFor();
    }

    interface Notification {
        /**
         * An assignment older than this (by the clock) is not announced any more, whether or not its record lies
         * below the rebuild horizon.
         */
        @WithDefault("P7D")
        Duration maxAssignmentAge();

        @WithDefault("FastTrack architect assigned")
        String subject();

        /** How often the sweep sends what is PENDING and due, and how long a failed notification waits to be tried again. */
        @WithDefault("30s")
        Duration retryInterval();

        /**
         * How long a notification belongs to the sender that took it (the transaction that recorded it, or the
         * sweep) before the sweep may take it: longer than a mail takes to send, so no two senders race.
         */
        @WithDefault("2m")
        Duration sendLease();

        /** Attempts to send a notification before it counts as FAILED. */
        @WithDefault("5")
        int maxAttempts();

        /**
         * Where the mails go: {@code log} (one line per mail, nothing kept and nothing leaves the machine) or
         * {@code smtp} (the Quarkus mailer, configured by {@code quarkus.mailer.*}).
         */
        @WithDefault("log")
        MailDelivery.Kind delivery();
    }
}
