package io.fasttrack.flow.engagement.store;

import io.fasttrack.flow.engagement.domain.ComplianceFigures;
import io.fasttrack.flow.engagement.domain.ComplianceReport;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Playbook compliance counted in the database: one query, grouped first per engagement (its mandatory tasks and
 * DIBS joined by the engagement indexes) and then per team manager and architect, so the answer has one row per
 * architect however many engagements there are. The rules are those of {@link ComplianceFigures}:
 * <ul>
 * <li>a mandatory task is late when it was completed after its due date, or is still open after it; an open one
 * whose due date has not passed is not yet due, and no violation;</li>
 * <li>done on time: no mandatory task is late; compliant: done on time and not stale;</li>
 * <li>stale: open, and the lapse (last status note, or the opening) began at or before the stale boundary;</li>
 * <li>DIBS documented: DIBS for every workload in scope (comma-separated in {@code engagement.workloads}), or for
 * any one when the scope is empty.</li>
 * </ul>
 */
public final class ComplianceTally {

    private static final String PER_ENGAGEMENT = """
            select e.id, e.team_manager, e.architect_id,
                case when e.status = :open and e.last_activity_at <= :staleBoundary then 1 else 0 end as stale,
                case when e.workloads is null or e.workloads = '' then 0
                     else length(e.workloads) - length(replace(e.workloads, ',', '')) + 1 end as scope_size,
                count(distinct case when t.completed_at is null then t.id end) as mandatory_open,
                count(distinct case when t.completed_at > t.due_at or (t.completed_at is null and t.due_at < :now)
                                    then t.id end) as mandatory_late,
                count(distinct case when t.completed_at is null and t.due_at >= :now then t.id end) as not_yet_due,
                count(distinct case when t.completed_at is null and t.due_at < :now then t.id end) as overdue,
                count(distinct d.workload) as dibs_any,
                count(distinct case when (',' || e.workloads || ',') like ('%,' || d.workload || ',%')
                                    then d.workload end) as dibs_in_scope
            from engagement e
            left join engagement_task t on t.engagement_id = e.id and t.mandatory = true
            left join dibs d on d.engagement_id = e.id
            where {filter}
            group by e.id, e.team_manager, e.architect_id, e.status, e.last_activity_at, e.workloads
            """;

    private static final String PER_ARCHITECT = """
            select team_manager, architect_id, count(*),
                sum(case when mandatory_open = 0 then 1 else 0 end),
                sum(case when mandatory_late = 0 then 1 else 0 end),
                sum(stale),
                sum(case when (scope_size = 0 and dibs_any > 0) or (scope_size > 0 and dibs_in_scope = scope_size)
                         then 1 else 0 end),
                sum(case when mandatory_late = 0 and stale = 0 then 1 else 0 end),
                sum(not_yet_due),
                sum(overdue)
            from ({perEngagement}) per_engagement
            group by team_manager, architect_id
            """;

    private ComplianceTally() {
    }

    /**
     * The figures of each architect's engagements as of {@code now}: all, or one team manager's; opened in
     * [{@code openedFrom}, {@code openedBefore}) where given.
     */
    public static List<ComplianceReport.Architect> perArchitect(String teamManager, Instant openedFrom,
            Instant openedBefore, Instant now, Instant staleBoundary) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (teamManager != null) {
            where.append(" and e.team_manager = :teamManager");
            parameters.put("teamManager", teamManager);
        }
        if (openedFrom != null) {
            where.append(" and e.opened_at >= :openedFrom");
            parameters.put("openedFrom", openedFrom);
        }
        if (openedBefore != null) {
            where.append(" and e.opened_at < :openedBefore");
            parameters.put("openedBefore", openedBefore);
        }
        Query query = Panache.getEntityManager().createNativeQuery(
                PER_ARCHITECT.replace("{perEngagement}", PER_ENGAGEMENT.replace("{filter}", where)))
                .setParameter("open", Engagement.OPEN).setParameter("staleBoundary", staleBoundary)
                .setParameter("now", now);
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new ComplianceReport.Architect((String) row[0], (String) row[1],
                new ComplianceFigures(count(row[2]), count(row[3]), count(row[4]), count(row[5]), count(row[6]),
                        count(row[7]), count(row[8]), count(row[9])))).toList();
    }

    private static int count(Object value) {
        return ((Number) value).intValue();
    }
}
