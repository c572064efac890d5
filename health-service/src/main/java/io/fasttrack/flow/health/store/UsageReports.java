package io.fasttrack.flow.health.store;

import io.agroal.api.AgroalDataSource;
import io.fasttrack.flow.kit.store.SqlCounters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.Collection;

/**
 * Writes usage reports set-wise. A report replaces the stored one for its customer, workload and date, so the
 * write is an upsert; plain JDBC because the ORM can only upsert by reading every row first. It runs on the
 * transaction's connection (Agroal hands the same one to Hibernate and to this).
 */
@ApplicationScoped
public class UsageReports {

    /** Insert, or replace the figures of the stored report with the same key, in SQL that H2 and PostgreSQL 15+ run. */
    private static final String REPLACE = "merge into usage_report r using (values (cast(? as varchar(400)),"
            + " cast(? as varchar(200)), cast(? as varchar(40)), cast(? as date), cast(? as bigint), cast(? as bigint),"
            + " cast(? as date), cast(? as uuid), cast(? as timestamp with time zone)))"
            + " as n(report_key, tenant_id, workload, as_of, licensed, active, renewal_date, event_id, reported_at)"
            + " on r.report_key = n.report_key"
            + " when matched then update set licensed = n.licensed, active = n.active, renewal_date = n.renewal_date,"
            + " event_id = n.event_id, reported_at = n.reported_at"
            + " when not matched then insert (report_key, tenant_id, workload, as_of, licensed, active, renewal_date,"
            + " event_id, reported_at) values (n.report_key, n.tenant_id, n.workload, n.as_of, n.licensed, n.active,"
            + " n.renewal_date, n.event_id, n.reported_at)";

    private final AgroalDataSource dataSource;
    private final SqlCounters counters;

    @Inject
    UsageReports(AgroalDataSource dataSource, SqlCounters counters) {
        this.dataSource = dataSource;
        this.counters = counters;
    }

    /** Stores the reports in one JDBC batch; give each key once (the latest arrival), as the batch applies in order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replace(Collection<UsageReport> reports) {
        if (reports.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement replace = connection.prepareStatement(REPLACE)) {
            for (UsageReport report : reports) {
                replace.setString(1, report.reportKey);
                replace.setString(2, report.tenantId);
                replace.setString(3, report.workload.name());
                replace.setObject(4, report.asOf);
                replace.setLong(5, report.licensed);
                replace.setLong(6, report.active);
                replace.setObject(7, report.renewalDate, Types.DATE);
                replace.setObject(8, report.eventId);
                replace.setObject(9, report.reportedAt == null ? null : report.reportedAt.atOffset(ZoneOffset.UTC),
                        Types.TIMESTAMP_WITH_TIMEZONE);
                replace.addBatch();
            }
            replace.executeBatch();
            counters.ran(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store " + reports.size() + " usage reports", e);
        }
    }
}
