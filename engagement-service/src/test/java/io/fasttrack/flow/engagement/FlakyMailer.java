package io.fasttrack.flow.engagement;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The application's mailer in tests: the configured (mock) mailer, except that a test can make the next sends
 * fail as an unreachable mail server would. Counts every attempt.
 */
@Alternative
@Priority(1)
@Singleton
public class FlakyMailer implements Mailer {

    private final AtomicInteger failuresToCome = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();

    @Inject
    ReactiveMailer delivery;

    /** The next {@code count} sends fail. */
    public void failNext(int count) {
        failuresToCome.set(count);
    }

    public int attempts() {
        return attempts.get();
    }

    @Override
    public void send(Mail... mails) {
        attempts.incrementAndGet();
        if (failuresToCome.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new IllegalStateException("the mail server is not answering (test)");
        }
        delivery.send(mails).await().atMost(Duration.ofSeconds(10));
    }
}
