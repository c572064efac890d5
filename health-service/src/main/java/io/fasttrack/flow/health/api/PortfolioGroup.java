package io.fasttrack.flow.health.api;

import java.util.Map;

/**
 * One group of GET /portfolio: the customers whose owner has the grouped attribute, with current counts per
 * category and the category moves whose as-of date lies in the query's [from, to].
 *
 * @param categories   customers per current category, every configured category present, in configured order
 * @param withoutUsage customers in the group that have an owner but no usage report yet
 */
public record PortfolioGroup(String key, String name, int customers, Map<String, Integer> categories, int withoutUsage,
        int movesUp, int movesDown) {
}
