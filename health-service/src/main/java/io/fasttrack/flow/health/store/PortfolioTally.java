package io.fasttrack.flow.health.store;

import static io.fasttrack.flow.kit.store.NativeQueries.count;

import io.fasttrack.flow.kit.store.NativeQueries;
import io.quarkus.hibernate.orm.panache.Panache;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The portfolio counted in the database: customers per group and current category, and category moves per group
 * and direction, each one grouped query, so an answer reads no customer row into memory. A customer is any tenant
 * with an architect owner, a health row or a FastTrack Manager; it is grouped by an attribute of its owner or its
 * account, and a customer without it falls in the group whose key is null.
 */
public final class PortfolioTally {

    /** What customers are grouped by: the SQL of the group's key and of its display name. */
    public enum Grouping {
        fastTrackManager("a.fast_track_manager", "a.fast_track_manager"),
        architect("o.architect_id", "o.architect_name"),
        teamManager("o.team_manager", "o.team_manager"),
        region("o.region", "o.region"),
        segment("o.segment", "o.segment");

        private final String key;
        private final String name;

        Grouping(String key, String name) {
            this.key = key;
            this.name = name;
        }
    }

    /** Customers of one group with one current category (null: no usage report yet). */
    public record CategoryCount(String groupKey, String groupName, String category, int customers) {
    }

    /** Moves of one group's customers in one direction (UP or DOWN). */
    public record MoveCount(String groupKey, String direction, int moves) {
    }

    private static final String CUSTOMERS = """
            (select tenant_id from customer_owner
             union select tenant_id from customer_health
             union select tenant_id from customer_account where fast_track_manager is not null)""";

    private static final String PER_CATEGORY = """
            select {key}, max({name}), h.category, count(*)
            from {customers} c
            left join customer_owner o on o.tenant_id = c.tenant_id
            left join customer_health h on h.tenant_id = c.tenant_id
            left join customer_account a on a.tenant_id = c.tenant_id
            where {filter}
            group by {key}, h.category
            """;

    private static final String MOVES = """
            select {key}, m.direction, count(*)
            from category_change m
            join {customers} c on c.tenant_id = m.tenant_id
            left join customer_owner o on o.tenant_id = m.tenant_id
            left join customer_account a on a.tenant_id = m.tenant_id
            where m.direction in ('UP', 'DOWN') and {filter}
            group by {key}, m.direction
            """;

    private PortfolioTally() {
    }

    /** Customers per group and category; of one team manager's owners when one is given. */
    public static List<CategoryCount> categories(Grouping grouping, String teamManager) {
        Map<String, Object> parameters = new HashMap<>();
        String filter = teamManagerFilter(teamManager, parameters);
        String sql = PER_CATEGORY.replace("{key}", grouping.key).replace("{name}", grouping.name)
                .replace("{customers}", CUSTOMERS).replace("{filter}", filter);
        return NativeQueries.rows(Panache.getEntityManager(), sql, parameters).stream()
                .map(row -> new CategoryCount((String) row[0], (String) row[1], (String) row[2], count(row[3])))
                .toList();
    }

    /** Moves per group and direction whose as-of date lies in [{@code from}, {@code to}]; either bound may be null. */
    public static List<MoveCount> moves(Grouping grouping, String teamManager, LocalDate from, LocalDate to) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder filter = new StringBuilder(teamManagerFilter(teamManager, parameters));
        if (from != null) {
            filter.append(" and m.as_of >= :from");
            parameters.put("from", from);
        }
        if (to != null) {
            filter.append(" and m.as_of <= :to");
            parameters.put("to", to);
        }
        String sql = MOVES.replace("{key}", grouping.key).replace("{customers}", CUSTOMERS)
                .replace("{filter}", filter.toString());
        return NativeQueries.rows(Panache.getEntityManager(), sql, parameters).stream()
                .map(row -> new MoveCount((String) row[0], (String) row[1], count(row[2])))
                .toList();
    }

    private static String teamManagerFilter(String teamManager, Map<String, Object> parameters) {
        if (teamManager == null) {
            return "1 = 1";
        }
        parameters.put("teamManager", teamManager);
        return "o.team_manager = :teamManager";
    }
}
