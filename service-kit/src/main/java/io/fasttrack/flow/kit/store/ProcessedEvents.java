package io.fasttrack.flow.kit.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The idempotent consumer, set-wise: which event ids of a batch were applied already (one query per 500 ids),
 * and recording the ones applied now (one JDBC batch), both in the projection's own transaction. Every service
 * keeps the same table: {@code processed_event(event_id uuid primary key, processed_at timestamp with time zone)}.
 */
@ApplicationScoped
public class ProcessedEvents {

    static final int IDS_PER_QUERY = 500;
    /** Insert if absent, in standard SQL that H2 and PostgreSQL (15+) both run. */
    private static final String RECORD = "merge into processed_event p using (values (cast(? as uuid),"
            + " cast(? as timestamp with time zone))) as n(event_id, processed_at) on p.event_id = n.event_id"
            + " when not matched then insert (event_id, processed_at) values (n.event_id, n.processed_at)";

    private final AgroalDataSource dataSource;
    private final SqlCounters counters;

    @Inject
    ProcessedEvents(AgroalDataSource dataSource, SqlCounters counters) {
        this.dataSource = dataSource;
        this.counters = counters;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> alreadyApplied(Collection<UUID> eventIds) {
        Set<UUID> applied = new HashSet<>();
        try (Connection connection = dataSource.getConnection()) {
            counters.ran(alreadyApplied(connection, eventIds, applied));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the processed events", e);
        }
        return applied;
    }

    /**
     * Records the ids as applied; an id recorded already stays as it is (an event this service caused may have
     * come back on its topic before the transaction that caused it was retried), so no select comes first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordApplied(Collection<UUID> eventIds, Instant at) {
        if (eventIds.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            counters.ran(recordApplied(connection, eventIds, at));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the processed events", e);
        }
    }

    /** Adds to {@code applied} the ids found; returns the number of round trips. */
    static int alreadyApplied(Connection connection, Collection<UUID> eventIds, Set<UUID> applied) throws SQLException {
        List<UUID> ids = List.copyOf(new LinkedHashSet<>(eventIds));
        int queries = 0;
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            String sql = "select event_id from processed_event where event_id in ("
                    + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setObject(i + 1, chunk.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        applied.add(rows.getObject(1, UUID.class));
                    }
                }
            }
            queries++;
        }
        return queries;
    }

    /** Returns the number of round trips: one batch. */
    static int recordApplied(Connection connection, Collection<UUID> eventIds, Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(RECORD)) {
            Timestamp processedAt = Timestamp.from(at);
            for (UUID id : new LinkedHashSet<>(eventIds)) {
                insert.setObject(1, id);
                insert.setTimestamp(2, processedAt);
                insert.addBatch();
            }
            insert.executeBatch();
            return 1;
        }
    }
}
