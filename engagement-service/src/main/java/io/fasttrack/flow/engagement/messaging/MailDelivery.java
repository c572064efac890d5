package io.fasttrack.flow.engagement.messaging;

import io.fasttrack.flow.engagement.EngagementSettings;
import io.fasttrack.flow.engagement.domain.AssignmentMail;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import org.jboss.logging.Logger;

/**
 * Hands an assignment mail to where {@code fasttrack.engagement.notification.delivery} says. By default it is only
 * logged (ids and counts, never addresses): a stack that runs for a while keeps no mail in memory, as Quarkus'
 * mock mailbox would, and nothing leaves the machine. {@code smtp} sends it through the Quarkus mailer.
 */
@ApplicationScoped
public class MailDelivery {

    /** The delivery kinds {@code fasttrack.engagement.notification.delivery} accepts. */
    public enum Kind {
        LOG, SMTP
    }

    private static final Logger LOG = Logger.getLogger(MailDelivery.class);

    private final Kind kind;
    private final Instance<Mailer> mailer;

    @Inject
    MailDelivery(EngagementSettings settings, Instance<Mailer> mailer) {
        this.kind = settings.notification().delivery();
        this.mailer = mailer;
    }

    /** Delivers the mail of an engagement's assignment; a failure to send is thrown for the notifier to retry. */
    void deliver(String engagementId, AssignmentMail mail) {
        if (kind == Kind.LOG) {
            LOG.infof("assignment mail for engagement %s to %d recipient(s) logged, not sent (delivery=log)",
                    engagementId, mail.recipients());
            return;
        }
        mailer.get().send(message(mail));
        LOG.debugf("assignment mail for engagement %s sent to %d recipient(s)", engagementId, mail.recipients());
    }

    private static Mail message(AssignmentMail mail) {
        Mail message = Mail.withText(mail.to().get(0), mail.subject(), mail.body());
        message.setTo(new ArrayList<>(mail.to()));
        message.setCc(new ArrayList<>(mail.cc()));
        return message;
    }
}
