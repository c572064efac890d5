package io.fasttrack.flow.health.store;

import io.fasttrack.flow.events.model.RiskAlertKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The open alerts with their customer's region, team manager and FastTrack Manager, filtered and paged in the
 * database: the open alerts by raise time (index {@code risk_alert_open}, or {@code risk_alert_kind} for one kind),
 * each joined to its customer by primary key; the owner filters use {@code customer_owner_team_manager},
 * {@code customer_owner_region} and {@code customer_account_manager}.
 */
@ApplicationScoped
public class AlertQueries {

    /** The filters of GET /alerts; null: any. */
    public record Filter(String teamManager, String fastTrackManager, String region, RiskAlertKind kind) {
    }

    /** An open alert and its customer's owners. */
    public record OpenAlert(String alertId, String tenantId, RiskAlertKind kind, String concern, String detail,
            Instant raisedAt, String region, String teamManager, String fastTrackManager) {
    }

    private static final String FROM = " from risk_alert a"
            + " left join customer_owner o on o.tenant_id = a.tenant_id"
            + " left join customer_account c on c.tenant_id = a.tenant_id"
            + " where a.state = 'OPEN'";

    @Inject
    EntityManager entityManager;

    public long count(Filter filter) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        Query count = entityManager.createNativeQuery("select count(*)" + FROM + where(filter, parameters));
        parameters.forEach(count::setParameter);
        return ((Number) count.getSingleResult()).longValue();
    }

    /** Newest raise first; alerts raised at the same instant by id, so pages never overlap. */
    public List<OpenAlert> page(Filter filter, int offset, int limit) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        Query page = entityManager.createNativeQuery("select a.alert_id, a.tenant_id, a.kind, a.concern, a.detail,"
                + " a.raised_at, o.region, o.team_manager, c.fast_track_manager" + FROM + where(filter, parameters)
                + " order by a.raised_at desc, a.alert_id");
        parameters.forEach(page::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = page.setFirstResult(offset).setMaxResults(limit).getResultList();
        return rows.stream().map(AlertQueries::openAlert).toList();
    }

    private static String where(Filter filter, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder();
        if (filter.kind() != null) {
            where.append(" and a.kind = :kind");
            parameters.put("kind", filter.kind().name());
        }
        if (filter.region() != null) {
            where.append(" and o.region = :region");
            parameters.put("region", filter.region());
        }
        if (filter.teamManager() != null) {
            where.append(" and o.team_manager = :teamManager");
            parameters.put("teamManager", filter.teamManager());
        }
        if (filter.fastTrackManager() != null) {
            where.append(" and c.fast_track_manager = :fastTrackManager");
            parameters.put("fastTrackManager", filter.fastTrackManager());
        }
        return where.toString();
    }

    private static OpenAlert openAlert(Object[] row) {
        return new OpenAlert((String) row[0], (String) row[1], RiskAlertKind.valueOf((String) row[2]), (String) row[3],
                (String) row[4], instant(row[5]), (String) row[6], (String) row[7], (String) row[8]);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("raised_at read as " + (value == null ? "null" : value.getClass().getName()));
    }
}
