package io.fasttrack.flow.assignment.store;

import io.agroal.api.AgroalDataSource;
import io.fasttrack.flow.kit.store.SqlCounters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The {@code decision_journal}: what the decider applied, in the order it applied it, written with the change (one
 * JDBC batch) so that it holds exactly what committed. Plain JDBC: one insert batch per change on the hot path.
 */
@ApplicationScoped
public class DecisionJournal {

    /** What an entry stands for. */
    public enum Kind {
        /** An input (RequestSubmitted, a roster change, EngagementCompleted, TenantIdentified) that changed the state; the queue was not served. */
        INPUT,
        /** An input after which the waiting requests were offered the capacity there was, at {@code at}. */
        INPUT_SERVING_THE_QUEUE,
        /** The periodic sweep offered the capacity there was to the waiting requests at {@code at}. */
        SWEEP,
        /** A manager's decision: its FtaAssigned is an input to what follows, not a decision to re-derive. */
        MANAGER,
        /** A decision re-applied from the log as it stands (a store rebuilt from the topics). */
        RECORDED
    }

    /** @param eventId the input or decision; null for a sweep */
    public record Entry(long seq, Kind kind, UUID eventId, Instant at) {
    }

    private final AgroalDataSource dataSource;
    private final SqlCounters counters;

    @Inject
    DecisionJournal(AgroalDataSource dataSource, SqlCounters counters) {
        this.dataSource = dataSource;
        this.counters = counters;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into decision_journal (entry_kind, event_id, applied_at) values (?, ?, ?)")) {
            for (Entry entry : entries) {
                insert.setString(1, entry.kind().name());
                if (entry.eventId() == null) {
                    insert.setNull(2, Types.OTHER);
                } else {
                    insert.setObject(2, entry.eventId());
                }
                if (entry.at() == null) {
                    insert.setNull(3, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    insert.setTimestamp(3, Timestamp.from(entry.at()));
                }
                insert.addBatch();
            }
            insert.executeBatch();
            counters.ran(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the decision journal", e);
        }
    }

    /** Every entry after {@code afterSeq}, in order, at most {@code limit}. */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<Entry> after(long afterSeq, int limit) {
        List<Entry> entries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select seq, entry_kind, event_id, applied_at from decision_journal where seq > ? order by seq fetch first ? rows only")) {
            select.setLong(1, afterSeq);
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Timestamp at = rows.getTimestamp(4);
                    entries.add(new Entry(rows.getLong(1), Kind.valueOf(rows.getString(2)), rows.getObject(3, UUID.class),
                            at == null ? null : at.toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the decision journal", e);
        }
        return entries;
    }
}
