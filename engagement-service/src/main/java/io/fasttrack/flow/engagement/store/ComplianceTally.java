package io.fasttrack.flow.engagement.store;

import static io.fasttrack.flow.kit.store.NativeQueries.count;

import io.fasttrack.flow.engagement.domain.ComplianceFigures;
import io.fasttrack.flow.engagement.domain.ComplianceReport;
import io.fasttrack.flow.kit.store.NativeQueries;
import io.quarkus.hibernate.orm.panache.Panache;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Playbook compliance counted in the database, one row per team manager and architect however many engagements
 * there are. The rules are those of {@link ComplianceFigures}:
 * <ul>
 * <li>a mandatory task is late when it was completed after its due date, or is still open after it; an open one
 * whose due date has not passed is not yet due, and no violation;</li>
 * <li>done on time: no mandatory task is late; compliant: done on time and not stale;</li>
 * <li>stale: open, and the lapse (last status note, or the opening) began at or before the stale boundary;</li>
 * <li>DIBS documented: DIBS for every workload in scope, or for any one when the scope is empty.</li>
 * </ul>
 * The engagement row keeps what does not depend on the clock (mandatory tasks open and done late, the first and
 * last due dates still open, DIBS documented), so the answer is one grouped scan of the engagements in the filter,
 * joining nothing: an engagement has overdue work when its first open due date has passed, and work not yet due
 * when its last one has not.
 */
public final class ComplianceTally {

    private static final String PER_ARCHITECT = """
            select e.team_manager, e.architect_id, count(*),
                sum(case when e.mandatory_open = 0 then 1 else 0 end),
                sum(case when {onTime} then 1 else 0 end),
                sum(case when {stale} then 1 else 0 end),
                sum(case when e.dibs_documented then 1 else 0 end),
                sum(case when {onTime} and not ({stale}) then 1 else 0 end),
                sum(case when e.last_open_mandatory_due >= :now then 1 else 0 end),
                sum(case when e.first_open_mandatory_due < :now then 1 else 0 end)
            from engagement e
            where {filter}
            group by e.team_manager, e.architect_id
            """
            .replace("{onTime}", "e.mandatory_done_late = 0 and (e.first_open_mandatory_due is null"
                    + " or e.first_open_mandatory_due >= :now)")
            .replace("{stale}", "e.status = :open and e.last_activity_at <= :staleBoundary");

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
        parameters.put("now", now);
        parameters.put("open", Engagement.OPEN);
        parameters.put("staleBoundary", staleBoundary);
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
        String sql = PER_ARCHITECT.replace("{filter}", where);
        return NativeQueries.rows(Panache.getEntityManager(), sql, parameters).stream()
                .map(row -> new ComplianceReport.Architect((String) row[0], (String) row[1],
                        new ComplianceFigures(count(row[2]), count(row[3]), count(row[4]), count(row[5]),
                                count(row[6]), count(row[7]), count(row[8]), count(row[9]))))
                .toList();
    }
}
