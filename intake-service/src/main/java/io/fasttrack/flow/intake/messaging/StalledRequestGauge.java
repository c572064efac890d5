package io.fasttrack.flow.intake.messaging;

import io.fasttrack.flow.intake.store.RequestQueries;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The gauge {@code fasttrack.intake.requests.stalled}: how many requests are stalled now. A scrape reads the number
 * kept here and costs the database nothing; it is counted at start-up, once a batch that stalled a request or moved
 * one on has committed, and at every stall sweep, which also takes in what another instance sharing the database
 * applied.
 */
@ApplicationScoped
public class StalledRequestGauge {

    private static final Logger LOG = Logger.getLogger(StalledRequestGauge.class);

    private final RequestQueries queries;
    private final AtomicLong stalled = new AtomicLong();

    StalledRequestGauge(RequestQueries queries, MeterRegistry meters) {
        this.queries = queries;
        Gauge.builder("fasttrack.intake.requests.stalled", stalled, AtomicLong::get)
                .description("requests stuck at SUBMITTED or ASSIGNED longer than fasttrack.intake.stall-after").register(meters);
    }

    void start(@Observes StartupEvent start) {
        try {
            recount();
        } catch (RuntimeException unavailable) {
            LOG.warnf("stalled requests not counted at start-up (%s); the first stall sweep counts them", unavailable.getMessage());
        }
    }

    public void recount() {
        stalled.set(QuarkusTransaction.requiringNew().call(queries::countStalled));
    }
}
