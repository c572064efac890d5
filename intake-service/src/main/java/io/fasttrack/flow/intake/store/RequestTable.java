package io.fasttrack.flow.intake.store;

import io.agroal.api.AgroalDataSource;
import io.fasttrack.flow.events.model.ReviewDecision;
import io.fasttrack.flow.intake.domain.RequestStatus;
import io.fasttrack.flow.kit.store.SqlCounters;
import io.fasttrack.flow.kit.store.SqlFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of the request-status projection in plain JDBC, a set at a time: one query reads every row a batch
 * touches, one JDBC batch inserts the new ones, one updates the changed ones. It runs in the caller's
 * transaction (the JTA connection Hibernate shares), and counts each round trip in {@link SqlCounters}.
 *
 * <p>Writers race on a row (the HTTP thread and three consumers), so no write trusts what it read: an insert
 * leaves alone a row another writer stored first, an update writes only over the version it read, and both
 * tell the caller which rows they did not write, so it can apply its events again over what the winner
 * committed. The insert waits for a concurrent insert of the same id to end: PostgreSQL with
 * {@code ON CONFLICT DO NOTHING}; H2, which has no such clause, with a MERGE that reports the row as a
 * duplicate key and goes on with the rest of the batch and the transaction.
 */
@ApplicationScoped
public class RequestTable {

    private static final int IDS_PER_QUERY = 500;
    private static final List<String> FIELDS = List.of("tenant_id", "customer_name", "placeholder_tenant",
            "request_type", "request_family", "request_queue", "status", "status_since", "architect_id", "architect_name",
            "sla_deadline", "sla_at_risk", "sla_breached", "engagement_id", "stalled_step", "stalled_since",
            "submitted_at", "updated_at", "identified_from", "review_decision", "review_risks", "review_note",
            "review_decided_at");
    private static final String COLUMNS = "id, " + String.join(", ", FIELDS) + ", version";
    private static final String PLACEHOLDERS = String.join(", ", Collections.nCopies(FIELDS.size() + 2, "?"));
    private static final String INSERT_ABSENT_POSTGRES = "insert into intake_request (" + COLUMNS + ") values ("
            + PLACEHOLDERS + ") on conflict (id) do nothing";
    private static final String INSERT_ABSENT_H2 = "merge into intake_request r using (select cast(? as varchar(64)) as id) n"
            + " on r.id = n.id when not matched then insert (" + COLUMNS + ") values (" + PLACEHOLDERS + ")";
    private static final String UPDATE = "update intake_request set "
            + String.join(", ", FIELDS.stream().map(field -> field + " = ?").toList())
            + ", version = version + 1 where id = ? and version = ?";

    private final AgroalDataSource dataSource;
    private final SqlCounters counters;

    RequestTable(AgroalDataSource dataSource, SqlCounters counters) {
        this.dataSource = dataSource;
        this.counters = counters;
    }

    /** The stored rows of these requests, by id; one query per 500 ids. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, RequestRecord> find(Collection<String> requestIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(requestIds));
        Map<String, RequestRecord> rows = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
                String sql = "select " + COLUMNS + " from intake_request where id in ("
                        + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
                try (PreparedStatement select = connection.prepareStatement(sql)) {
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet result = select.executeQuery()) {
                        while (result.next()) {
                            RequestRecord row = read(result);
                            rows.put(row.id, row);
                        }
                    }
                }
                counters.ran(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read request rows", e);
        }
        return rows;
    }

    /**
     * Inserts new rows in one JDBC batch, leaving alone those another writer stored first.
     *
     * @return the ids of the rows not inserted because one with their id is stored
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> insertAbsent(Collection<RequestRecord> rows) {
        if (rows.isEmpty()) {
            return Set.of();
        }
        // in id order, so concurrent writers (the POST path, the consumers) take row locks in the same order
        List<RequestRecord> ordered = rows.stream().sorted(Comparator.comparing(row -> row.id)).toList();
        int[] counts;
        try (Connection connection = dataSource.getConnection()) {
            boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            try (PreparedStatement insert = connection.prepareStatement(postgres ? INSERT_ABSENT_POSTGRES : INSERT_ABSENT_H2)) {
                for (RequestRecord row : ordered) {
                    int next = 1;
                    if (!postgres) {
                        insert.setString(next++, row.id);
                    }
                    insert.setString(next, row.id);
                    bindFields(insert, next + 1, row);
                    insert.setLong(next + 1 + FIELDS.size(), row.version);
                    insert.addBatch();
                }
                counts = executeBatch(insert);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot insert request rows", e);
        }
        return notWritten(ordered, counts);
    }

    /**
     * Writes changed rows in one JDBC batch, each only if its version is still the one it was read with.
     *
     * @return the ids of the rows not written because another writer changed them since they were read
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> update(Collection<RequestRecord> rows) {
        if (rows.isEmpty()) {
            return Set.of();
        }
        // in id order, so concurrent writers (the POST path, the consumers) take row locks in the same order
        List<RequestRecord> ordered = rows.stream().sorted(Comparator.comparing(row -> row.id)).toList();
        int[] counts;
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(UPDATE)) {
            for (RequestRecord row : ordered) {
                bindFields(update, 1, row);
                update.setString(FIELDS.size() + 1, row.id);
                update.setLong(FIELDS.size() + 2, row.version);
                update.addBatch();
            }
            counts = executeBatch(update);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update request rows", e);
        }
        return notWritten(ordered, counts);
    }

    /** Runs the batch (one round trip); rows H2 refused as duplicate keys count as not written, like a count of 0. */
    private int[] executeBatch(PreparedStatement batch) throws SQLException {
        try {
            return batch.executeBatch();
        } catch (BatchUpdateException partly) {
            if (!SqlFailures.onlyDuplicateKeys(partly)) {
                throw partly;
            }
            return partly.getUpdateCounts();
        } finally {
            counters.ran(1);
        }
    }

    private static Set<String> notWritten(List<RequestRecord> rows, int[] counts) {
        if (counts.length != rows.size()) {
            throw new IllegalStateException(counts.length + " results for a batch of " + rows.size() + " rows");
        }
        Set<String> notWritten = new LinkedHashSet<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0 || counts[i] == Statement.EXECUTE_FAILED) {
                notWritten.add(rows.get(i).id);
            }
        }
        return notWritten;
    }

    /** Binds {@link #FIELDS} in their order from parameter {@code first} on. */
    private static void bindFields(PreparedStatement statement, int first, RequestRecord row) throws SQLException {
        int i = first;
        statement.setString(i++, row.tenantId);
        statement.setString(i++, row.customerName);
        statement.setBoolean(i++, row.placeholderTenant);
        statement.setString(i++, row.requestType);
        statement.setString(i++, row.requestFamily);
        statement.setString(i++, row.requestQueue);
        statement.setString(i++, row.status.name());
        statement.setObject(i++, offset(row.statusSince));
        statement.setString(i++, row.architectId);
        statement.setString(i++, row.architectName);
        statement.setObject(i++, offset(row.slaDeadline));
        statement.setBoolean(i++, row.slaAtRisk);
        statement.setBoolean(i++, row.slaBreached);
        statement.setString(i++, row.engagementId);
        statement.setString(i++, row.stalledStep == null ? null : row.stalledStep.name());
        statement.setObject(i++, offset(row.stalledSince));
        statement.setObject(i++, offset(row.submittedAt));
        statement.setObject(i++, offset(row.updatedAt));
        statement.setString(i++, row.identifiedFrom);
        statement.setString(i++, row.reviewDecision == null ? null : row.reviewDecision.name());
        statement.setString(i++, row.reviewRisks);
        statement.setString(i++, row.reviewNote);
        statement.setObject(i, offset(row.reviewDecidedAt));
    }

    private static RequestRecord read(ResultSet result) throws SQLException {
        RequestRecord row = new RequestRecord();
        row.id = result.getString("id");
        row.tenantId = result.getString("tenant_id");
        row.customerName = result.getString("customer_name");
        row.placeholderTenant = result.getBoolean("placeholder_tenant");
        row.requestType = result.getString("request_type");
        row.requestFamily = result.getString("request_family");
        row.requestQueue = result.getString("request_queue");
        row.status = RequestStatus.valueOf(result.getString("status"));
        row.statusSince = instant(result, "status_since");
        row.architectId = result.getString("architect_id");
        row.architectName = result.getString("architect_name");
        row.slaDeadline = instant(result, "sla_deadline");
        row.slaAtRisk = result.getBoolean("sla_at_risk");
        row.slaBreached = result.getBoolean("sla_breached");
        row.engagementId = result.getString("engagement_id");
        String stalledStep = result.getString("stalled_step");
        row.stalledStep = stalledStep == null ? null : RequestStatus.valueOf(stalledStep);
        row.stalledSince = instant(result, "stalled_since");
        row.submittedAt = instant(result, "submitted_at");
        row.updatedAt = instant(result, "updated_at");
        row.identifiedFrom = result.getString("identified_from");
        String reviewDecision = result.getString("review_decision");
        row.reviewDecision = reviewDecision == null ? null : ReviewDecision.valueOf(reviewDecision);
        row.reviewRisks = result.getString("review_risks");
        row.reviewNote = result.getString("review_note");
        row.reviewDecidedAt = instant(result, "review_decided_at");
        row.version = result.getLong("version");
        return row;
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet result, String column) throws SQLException {
        OffsetDateTime value = result.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
