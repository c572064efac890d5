package io.fasttrack.flow.engagement.messaging;

import io.fasttrack.flow.engagement.EngagementSettings;
import io.fasttrack.flow.engagement.domain.AssignmentMail;
import io.fasttrack.flow.engagement.store.AssignmentNotification;
import io.fasttrack.flow.engagement.store.AssignmentNotification.Outcome;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.model.FtopTask;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Tells the requestor (To) and the account team (Cc) who their architect is, once per assignment, and only after
 * the assignment committed. In the transaction that applies the FtaAssigned, {@link #record} decides whether it is
 * announced and keeps the mail in a PENDING notification keyed by the FtaAssigned's event id; once that transaction
 * committed, {@link #committed} sends it and records the outcome in a short transaction of its own. So a rollback
 * mails nothing, and a redelivered FtaAssigned is skipped (its id was applied) before it gets here. What a crash
 * between commit and send, or a failing mail server, leaves PENDING, the {@link #sweep} sends once it is due. Logs
 * carry ids and counts, never addresses or names.
 */
@ApplicationScoped
public class AssignmentNotifier {

    /** Due notifications one sweep takes at most; the next sweep takes the rest. */
    private static final int SWEEP_BATCH = 100;
    private static final Logger LOG = Logger.getLogger(AssignmentNotifier.class);

    /** A notification to send, as it was recorded. */
    record Pending(UUID assignmentEventId, String engagementId, AssignmentMail mail, int failures) {

        static Pending of(AssignmentNotification recorded) {
            return new Pending(recorded.assignmentEventId, recorded.engagementId,
                    new AssignmentMail(AssignmentNotification.addresses(recorded.mailTo),
                            AssignmentNotification.addresses(recorded.mailCc), recorded.subject, recorded.body),
                    recorded.failures);
        }
    }

    @Inject
    MailDelivery delivery;

    @Inject
    EngagementSettings settings;

    @Inject
    EngagementMetrics metrics;

    @Inject
    Clock clock;

    /**
     * Whether an assignment is announced: not when it is history a rebuild replays, nor when it is older than the
     * notification window, nor when the request names nobody to tell.
     */
    static Outcome announcement(boolean replayed, Instant assignedAt, Instant now, Duration maxAge, AssignmentMail mail) {
        if (replayed) {
            return Outcome.REPLAYED;
        }
        if (assignedAt.plus(maxAge).isBefore(now)) {
            return Outcome.TOO_OLD;
        }
        return mail.to().isEmpty() ? Outcome.NO_RECIPIENTS : Outcome.PENDING;
    }

    /**
     * Records the notification of an assignment the caller's transaction applies: PENDING, with its mail, when it
     * is announced (held by this sender for the send lease), else with the reason it is not.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AssignmentNotification record(EventEnvelope<?> cause, FtaAssigned assigned, String engagementId,
            List<FtopTask> tasks, boolean replayed) {
        Instant now = clock.instant();
        Instant assignedAt = assigned.assignedAt() == null ? cause.occurredAt() : assigned.assignedAt();
        AssignmentMail mail = AssignmentMail.of(assigned, engagementId, tasks, settings.notification().subject());
        AssignmentNotification notification = new AssignmentNotification();
        notification.assignmentEventId = cause.eventId();
        notification.engagementId = engagementId;
        notification.architectId = assigned.architect().id();
        notification.outcome = announcement(replayed, assignedAt, now, settings.notification().maxAssignmentAge(), mail);
        notification.recipients = mail.recipients();
        notification.decidedAt = now;
        if (notification.outcome == Outcome.PENDING) {
            notification.mailTo = AssignmentNotification.addresses(mail.to());
            notification.mailCc = AssignmentNotification.addresses(mail.cc());
            notification.subject = mail.subject();
            notification.body = mail.body();
            notification.nextAttemptAt = now.plus(settings.notification().sendLease());
        }
        notification.persist();
        return notification;
    }

    /** After the transaction that recorded them committed: counts the outcomes decided, sends the PENDING ones. */
    public void committed(List<AssignmentNotification> recorded) {
        List<Pending> pending = new ArrayList<>();
        int replayed = 0;
        for (AssignmentNotification notification : recorded) {
            switch (notification.outcome) {
                case PENDING -> pending.add(Pending.of(notification));
                case REPLAYED -> replayed++;
                default -> LOG.infof("assignment notification for engagement %s: %s, %d recipient(s)",
                        notification.engagementId, notification.outcome, notification.recipients);
            }
            if (notification.outcome != Outcome.PENDING) {
                metrics.notification(notification.outcome.name());
            }
        }
        if (replayed > 0) {
            LOG.debugf("%d replayed assignment(s) applied without a notification: announced when they happened", replayed);
        }
        send(pending);
    }

    /** Sends what a crash or a failed attempt left PENDING, once it is due; several instances never take the same one. */
    @Scheduled(every = "${fasttrack.engagement.notification.retry-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        Instant now = clock.instant();
        Instant until = now.plus(settings.notification().sendLease());
        List<Pending> taken = QuarkusTransaction.requiringNew().call(() -> AssignmentNotification.due(now, SWEEP_BATCH)
                .stream().filter(due -> AssignmentNotification.claim(due.assignmentEventId, now, until))
                .map(Pending::of).toList());
        if (!taken.isEmpty()) {
            LOG.infof("sending %d notification(s) left pending by a failed attempt or a stop", taken.size());
            send(taken);
        }
    }

    /** Mails each, then records in one short transaction which went out and which wait for another attempt. */
    private void send(List<Pending> pending) {
        if (pending.isEmpty()) {
            return;
        }
        List<UUID> sent = new ArrayList<>();
        List<Pending> failed = new ArrayList<>();
        for (Pending notification : pending) {
            try {
                delivery.deliver(notification.engagementId(), notification.mail());
                sent.add(notification.assignmentEventId());
                metrics.notification(Outcome.SENT.name());
            } catch (RuntimeException e) {
                LOG.warnf("assignment notification for engagement %s could not be sent (%s, attempt %d)",
                        notification.engagementId(), e.getClass().getSimpleName(), notification.failures() + 1);
                failed.add(notification);
            }
        }
        Instant now = clock.instant();
        Instant retryAt = now.plus(settings.notification().retryInterval());
        List<Outcome> failures = QuarkusTransaction.requiringNew().call(() -> {
            AssignmentNotification.markSent(sent, now);
            return failed.stream().map(notification -> AssignmentNotification.markFailed(notification.assignmentEventId(),
                    notification.failures(), settings.notification().maxAttempts(), now, retryAt)).toList();
        });
        failures.stream().filter(outcome -> outcome == Outcome.FAILED).forEach(outcome -> metrics.notification(outcome.name()));
    }
}
