package io.fasttrack.flow.assignment.store;

import io.agroal.api.AgroalDataSource;
import io.fasttrack.flow.assignment.DeciderLeaseSettings;
import io.fasttrack.flow.kit.messaging.TransientFailure;
import io.fasttrack.flow.kit.store.SqlCounters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The row of {@code decider_lease} that says which assignment-service instance decides: its holder, until it
 * expires. Plain JDBC, one statement per call. Safety does not rest on the clocks: a holder keeps its lease until
 * another instance has taken it (the holder column changed), and it can only be taken between two deciding
 * transactions, because each of them updates the row first and keeps its lock until it commits. The clocks only
 * decide when an unrenewed lease counts as expired, that is how soon a follower takes over from a holder that died.
 */
@ApplicationScoped
public class DeciderLease {

    static final String ASSIGNMENT = "assignment";
    private static final OffsetDateTime RELEASED = Instant.EPOCH.atOffset(ZoneOffset.UTC);

    private final AgroalDataSource dataSource;
    private final SqlCounters counters;
    private final Clock clock;
    private final Duration duration;
    private final String name;
    private final String holder;

    @Inject
    DeciderLease(AgroalDataSource dataSource, SqlCounters counters, DeciderLeaseSettings settings) {
        // the wall clock, not the service's Clock: a test pins that one to the times of its events
        this(dataSource, counters, Clock.systemUTC(), settings.duration(), ASSIGNMENT, thisProcess());
    }

    DeciderLease(AgroalDataSource dataSource, SqlCounters counters, Clock clock, Duration duration, String name,
            String holder) {
        this.dataSource = dataSource;
        this.counters = counters;
        this.clock = clock;
        this.duration = duration;
        this.name = name;
        this.holder = holder;
    }

    /** Who this instance is in the {@code holder} column: host, process id and a random part, new at every start. */
    public String holder() {
        return holder;
    }

    /** Takes the lease if it is this instance's already or has expired; true if this instance holds it now. */
    public boolean tryAcquire() {
        Instant now = clock.instant();
        return update("update decider_lease set holder = ?, expires_at = ? where name = ? and (holder = ? or expires_at < ?)",
                holder, at(now.plus(duration)), name, holder, at(now)) == 1;
    }

    /**
     * Extends the lease of this instance, in a statement of its own; false if another instance took it. A lease
     * that expired while nobody took it (the database was unreachable for longer than the lease lasts) is still
     * this instance's, so an outage of the database alone does not make the holder step down.
     */
    public boolean renew() {
        return extend();
    }

    /**
     * The first statement of every deciding transaction: extends the lease and keeps the row locked until the
     * transaction ends, so a follower's {@link #tryAcquire()} waits for the commit and then finds the lease renewed.
     * False if another instance took the lease: the transaction must not go on.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean holdInThisTransaction() {
        return extend();
    }

    /** Gives the lease up at shutdown: it expires at once, so a follower takes over at its next try. */
    public void release() {
        update("update decider_lease set expires_at = ? where name = ? and holder = ?", RELEASED, name, holder);
    }

    private boolean extend() {
        return update("update decider_lease set expires_at = ? where name = ? and holder = ?",
                at(clock.instant().plus(duration)), name, holder) == 1;
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            int updated = update.executeUpdate();
            counters.ran(1);
            return updated;
        } catch (SQLException unreachable) {
            throw new TransientFailure("the decider lease cannot be read: " + unreachable.getMessage(), unreachable);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String thisProcess() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException unnamed) {
                host = "unknown-host";
            }
        }
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
