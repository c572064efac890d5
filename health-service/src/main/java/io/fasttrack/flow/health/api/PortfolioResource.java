package io.fasttrack.flow.health.api;

import io.fasttrack.flow.events.http.Problem.Violation;
import io.fasttrack.flow.health.domain.CategoryScale;
import io.fasttrack.flow.health.store.PortfolioTally;
import io.fasttrack.flow.health.store.PortfolioTally.Grouping;
import io.fasttrack.flow.kit.api.Paging;
import io.fasttrack.flow.kit.api.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * GET /portfolio. {@code fastTrackManager} groups by the customer's FastTrack Manager (PUT /customers/{id}/owner),
 * {@code architect} by the architect of its latest FTA-queue assignment. A customer without one, or whose owner
 * lacks the grouped attribute, is in the {@code unassigned} group (listed last). Moves are counted in the
 * customer's current group. The groups are a page like every list: {@code {items, total, page, size}}. The counts
 * come from the database, grouped there ({@link PortfolioTally}); only the groups are in memory.
 */
@Path("/portfolio")
public class PortfolioResource {

    static final String UNASSIGNED = "unassigned";

    @Inject
    CategoryScale scale;

    @RolesAllowed("manager")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Customers per group with counts per category and the moves up and down in [from, to]")
    public Paging.Page<PortfolioGroup> portfolio(@QueryParam("groupBy") String groupByParam, @QueryParam("from") String fromParam,
            @QueryParam("to") String toParam, @QueryParam("teamManager") String teamManager,
            @QueryParam("page") String pageParam, @QueryParam("size") String sizeParam) {
        List<Violation> violations = new ArrayList<>();
        List<String> groupings = Arrays.stream(Grouping.values()).map(Enum::name).toList();
        Grouping grouping = null;
        if (groupByParam == null || !groupings.contains(groupByParam)) {
            violations.add(new Violation("groupBy", "must be one of " + groupings));
        } else {
            grouping = Grouping.valueOf(groupByParam);
        }
        LocalDate from = date("from", fromParam, violations);
        LocalDate to = date("to", toParam, violations);
        if (from != null && to != null && from.isAfter(to)) {
            violations.add(new Violation("from", "must not be after to"));
        }
        Paging paging = paging(pageParam, sizeParam, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("the portfolio query is invalid", violations);
        }

        Map<String, GroupTally> groups = new HashMap<>();
        for (PortfolioTally.CategoryCount count : PortfolioTally.categories(grouping, teamManager)) {
            String key = count.groupKey() == null ? UNASSIGNED : count.groupKey();
            String name = count.groupKey() == null ? UNASSIGNED : count.groupName();
            groups.computeIfAbsent(key, k -> new GroupTally(k, name)).add(count.category(), count.customers());
        }
        for (PortfolioTally.MoveCount count : PortfolioTally.moves(grouping, teamManager, from, to)) {
            GroupTally tally = groups.get(count.groupKey() == null ? UNASSIGNED : count.groupKey());
            if (tally != null) {
                tally.move(count.direction(), count.moves());
            }
        }
        return paging.of(groups.values().stream()
                .sorted(Comparator.comparing((GroupTally tally) -> tally.key.equals(UNASSIGNED)).thenComparing(tally -> tally.key))
                .map(this::view)
                .toList());
    }

    private PortfolioGroup view(GroupTally tally) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        scale.names().forEach(category -> counts.put(category, tally.perCategory.getOrDefault(category, 0)));
        // a category renamed in configuration still counts, under its old name
        tally.perCategory.forEach(counts::putIfAbsent);
        return new PortfolioGroup(tally.key, tally.name, tally.customers, counts, tally.withoutUsage, tally.up, tally.down);
    }

    private static LocalDate date(String field, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "must be a date like 2026-11-01"));
            return null;
        }
    }

    /** The kit's paging, its violations reported with the query's others in one answer. */
    private static Paging paging(String pageParam, String sizeParam, List<Violation> violations) {
        try {
            return Paging.of(pageParam, sizeParam);
        } catch (ProblemException badPaging) {
            violations.addAll(badPaging.problem().violations());
            return null;
        }
    }

    private static final class GroupTally {
        final String key;
        final String name;
        final Map<String, Integer> perCategory = new HashMap<>();
        int customers;
        int withoutUsage;
        int up;
        int down;

        GroupTally(String key, String name) {
            this.key = key;
            this.name = name;
        }

        void add(String category, int count) {
            customers += count;
            if (category == null) {
                withoutUsage += count;
            } else {
                perCategory.merge(category, count, Integer::sum);
            }
        }

        void move(String direction, int count) {
            if ("UP".equals(direction)) {
                up += count;
            } else if ("DOWN".equals(direction)) {
                down += count;
            }
        }
    }
}
