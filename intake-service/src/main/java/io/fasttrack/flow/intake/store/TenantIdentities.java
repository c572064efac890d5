package io.fasttrack.flow.intake.store;

import io.agroal.api.AgroalDataSource;
import io.fasttrack.flow.intake.domain.PlaceholderTenant;
import io.fasttrack.flow.kit.store.SqlCounters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The placeholder tenants identified as real ones ({@code tenant_identity}), in plain JDBC, a set at a time, and the
 * fold of a placeholder's requests into its real tenant. Only the requests consumer writes here.
 */
@ApplicationScoped
public class TenantIdentities {

    /** A placeholder tenant and the real tenant it turned out to be. */
    public record Identity(String placeholderId, String tenantId, Instant identifiedAt) {
    }

    private static final int IDS_PER_QUERY = 500;

    private final AgroalDataSource dataSource;
    private final SqlCounters counters;

    TenantIdentities(AgroalDataSource dataSource, SqlCounters counters) {
        this.dataSource = dataSource;
        this.counters = counters;
    }

    /**
     * The real tenant of each of these ids that is an identified placeholder, by placeholder; no query when none of
     * them is a placeholder.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, String> realTenantsOf(Collection<String> tenantIds) {
        List<String> placeholders = List.copyOf(tenantIds.stream().filter(PlaceholderTenant::isPlaceholder)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
        Map<String, String> real = new HashMap<>();
        if (placeholders.isEmpty()) {
            return real;
        }
        try (Connection connection = dataSource.getConnection()) {
            for (int from = 0; from < placeholders.size(); from += IDS_PER_QUERY) {
                List<String> chunk = placeholders.subList(from, Math.min(placeholders.size(), from + IDS_PER_QUERY));
                String sql = "select placeholder_id, tenant_id from tenant_identity where placeholder_id in ("
                        + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
                try (PreparedStatement select = connection.prepareStatement(sql)) {
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet result = select.executeQuery()) {
                        while (result.next()) {
                            real.put(result.getString(1), result.getString(2));
                        }
                    }
                }
                counters.ran(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read tenant identities", e);
        }
        return real;
    }

    /**
     * Records new identities and folds every stored request of each placeholder into its real tenant: one JDBC batch
     * each. In the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void identify(Collection<Identity> identities) {
        if (identities.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into tenant_identity (placeholder_id, tenant_id, identified_at) values (?, ?, ?)");
                PreparedStatement fold = connection.prepareStatement("update intake_request set identified_from = tenant_id,"
                        + " tenant_id = ?, placeholder_tenant = false, version = version + 1 where tenant_id = ?")) {
            for (Identity identity : identities) {
                insert.setString(1, identity.placeholderId());
                insert.setString(2, identity.tenantId());
                insert.setObject(3, identity.identifiedAt() == null ? null : identity.identifiedAt().atOffset(ZoneOffset.UTC));
                insert.addBatch();
                fold.setString(1, identity.tenantId());
                fold.setString(2, identity.placeholderId());
                fold.addBatch();
            }
            insert.executeBatch();
            counters.ran(1);
            fold.executeBatch();
            counters.ran(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record tenant identities", e);
        }
    }
}
