package io.fasttrack.flow.engagement.messaging;

import io.fasttrack.flow.engagement.EngagementSettings;
import io.fasttrack.flow.engagement.store.AssignmentNotification;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.model.FtopTask;
import io.fasttrack.flow.events.model.RequestSnapshot;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Tells the requestor (To) and the account team (Cc) who their architect is, by e-mail, once per
 * assignment: the outcome is stored under the FtaAssigned event id in the caller's transaction, so a
 * redelivered event finds it and sends nothing. A mail failure is recorded and counted, and does not
 * stop the engagement from opening. Logs carry ids and counts, never addresses or names.
 */
@ApplicationScoped
public class AssignmentNotifier {

    private static final Logger LOG = Logger.getLogger(AssignmentNotifier.class);

    @Inject
    Mailer mailer;

    @Inject
    EngagementSettings settings;

    @Inject
    EngagementMetrics metrics;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void notifyAssignment(EventEnvelope<?> cause, FtaAssigned assigned, String engagementId, List<FtopTask> tasks) {
        if (AssignmentNotification.findById(cause.eventId()) != null) {
            return;
        }
        Instant now = clock.instant();
        Instant assignedAt = assigned.assignedAt() == null ? cause.occurredAt() : assigned.assignedAt();
        Set<String> to = new LinkedHashSet<>();
        Set<String> cc = new LinkedHashSet<>();
        RequestSnapshot request = assigned.request();
        if (request.requestor() != null && hasText(request.requestor().email())) {
            to.add(request.requestor().email().trim());
        }
        if (request.accountTeam() != null) {
            request.accountTeam().stream().filter(AssignmentNotifier::hasText).map(String::trim)
                    .filter(address -> !to.contains(address)).forEach(cc::add);
        }
        if (to.isEmpty() && !cc.isEmpty()) {
            to.addAll(cc);
            cc.clear();
        }
        AssignmentNotification.Outcome outcome;
        if (assignedAt.plus(settings.notification().maxAssignmentAge()).isBefore(now)) {
            outcome = AssignmentNotification.Outcome.TOO_OLD;
        } else if (to.isEmpty()) {
            outcome = AssignmentNotification.Outcome.NO_RECIPIENTS;
        } else {
            outcome = send(assigned, engagementId, tasks, to, cc);
        }
        AssignmentNotification record = new AssignmentNotification();
        record.assignmentEventId = cause.eventId();
        record.engagementId = engagementId;
        record.architectId = assigned.architect().id();
        record.outcome = outcome;
        record.recipients = to.size() + cc.size();
        record.decidedAt = now;
        record.persist();
        metrics.notification(outcome.name());
        LOG.infof("assignment notification for engagement %s (request %s): %s, %d recipient(s)", engagementId,
                assigned.requestId(), outcome, record.recipients);
    }

    private AssignmentNotification.Outcome send(FtaAssigned assigned, String engagementId, List<FtopTask> tasks,
            Set<String> to, Set<String> cc) {
        Mail mail = Mail.withText(to.iterator().next(), subject(assigned), body(assigned, engagementId, tasks));
        mail.setTo(new ArrayList<>(to));
        mail.setCc(new ArrayList<>(cc));
        try {
            mailer.send(mail);
            return AssignmentNotification.Outcome.SENT;
        } catch (RuntimeException e) {
            LOG.warnf("assignment notification for engagement %s could not be sent: %s", engagementId,
                    e.getClass().getSimpleName());
            return AssignmentNotification.Outcome.FAILED;
        }
    }

    private String subject(FtaAssigned assigned) {
        String customer = assigned.request().customer() == null ? assigned.tenantId() : assigned.request().customer().name();
        return settings.notification().subject() + ": " + customer + " (" + assigned.requestId() + ")";
    }

    private static String body(FtaAssigned assigned, String engagementId, List<FtopTask> tasks) {
        RequestSnapshot request = assigned.request();
        StringBuilder text = new StringBuilder();
        text.append("Hello,\n\n");
        text.append(assigned.reassignedFrom() == null ? "A FastTrack architect has been assigned to your request.\n"
                : "Your request has been reassigned to another FastTrack architect.\n");
        text.append("\nArchitect: ").append(assigned.architect().name()).append(" (").append(assigned.architect().id()).append(")");
        text.append("\nRequest: ").append(assigned.requestId());
        if (request.type() != null) {
            text.append(" (").append(request.type()).append(")");
        }
        text.append("\nCustomer tenant: ").append(assigned.tenantId());
        text.append("\nEngagement: ").append(engagementId);
        text.append("\n\nFTOP tasks:\n");
        for (FtopTask task : tasks) {
            text.append(" - ").append(task.taskId()).append(" ").append(task.name())
                    .append(task.mandatory() ? " (mandatory)" : " (optional)").append('\n');
        }
        text.append("\nYour architect will contact you shortly.\n-- FastTrack Flow\n");
        return text.toString();
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
