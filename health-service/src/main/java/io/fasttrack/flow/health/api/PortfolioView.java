package io.fasttrack.flow.health.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * GET /portfolio: customers grouped by their owner's attribute, with current counts per category and the
 * category moves whose as-of date lies in [from, to].
 */
public record PortfolioView(
        String groupBy,
        LocalDate from,
        LocalDate to,
        String teamManager,
        List<String> categories,
        int page,
        int size,
        int totalGroups,
        List<Group> groups) {

    /**
     * @param categories   customers per current category, every configured category present
     * @param withoutUsage customers in the group that have an owner but no usage report yet
     */
    public record Group(String key, String name, int customers, Map<String, Integer> categories, int withoutUsage,
            int movesUp, int movesDown) {
    }
}
