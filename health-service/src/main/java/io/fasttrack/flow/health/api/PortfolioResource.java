package io.fasttrack.flow.health.api;

import io.fasttrack.flow.events.http.Problem.Violation;
import io.fasttrack.flow.health.domain.CategoryScale;
import io.fasttrack.flow.health.store.CategoryChange;
import io.fasttrack.flow.health.store.CustomerAccount;
import io.fasttrack.flow.health.store.CustomerHealth;
import io.fasttrack.flow.health.store.CustomerOwner;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * GET /portfolio. {@code fastTrackManager} groups by the customer's FastTrack Manager (PUT /customers/{id}/owner),
 * {@code architect} by the architect of its latest FTA-queue assignment. A customer without one, or whose owner
 * lacks the grouped attribute, is in the {@code unassigned} group (listed last). Moves are counted in the
 * customer's current group. The groups are a page like every list: {@code {items, total, page, size}}.
 */
@Path("/portfolio")
public class PortfolioResource {

    static final String UNASSIGNED = "unassigned";

    /** What a customer is grouped by: its architect owner and its account, either null when it has none. */
    private record Owned(CustomerOwner owner, CustomerAccount account) {

        String ofOwner(Function<CustomerOwner, String> attribute) {
            return owner == null ? null : attribute.apply(owner);
        }
    }

    enum GroupBy {
        fastTrackManager(customer -> customer.account() == null ? null : customer.account().fastTrackManager,
                customer -> customer.account().fastTrackManager),
        architect(customer -> customer.ofOwner(owner -> owner.architectId), customer -> customer.ofOwner(owner -> owner.architectName)),
        teamManager(customer -> customer.ofOwner(owner -> owner.teamManager), customer -> customer.ofOwner(owner -> owner.teamManager)),
        region(customer -> customer.ofOwner(owner -> owner.region), customer -> customer.ofOwner(owner -> owner.region)),
        segment(customer -> customer.ofOwner(owner -> owner.segment), customer -> customer.ofOwner(owner -> owner.segment));

        final Function<Owned, String> key;
        final Function<Owned, String> name;

        GroupBy(Function<Owned, String> key, Function<Owned, String> name) {
            this.key = key;
            this.name = name;
        }

        static List<String> allowed() {
            return Arrays.stream(values()).map(Enum::name).toList();
        }
    }

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
        GroupBy groupBy = null;
        if (groupByParam == null || !GroupBy.allowed().contains(groupByParam)) {
            violations.add(new Violation("groupBy", "must be one of " + GroupBy.allowed()));
        } else {
            groupBy = GroupBy.valueOf(groupByParam);
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

        Map<String, CustomerOwner> owners = new HashMap<>();
        CustomerOwner.<CustomerOwner>listAll().forEach(owner -> owners.put(owner.tenantId, owner));
        Map<String, String> categories = new HashMap<>();
        CustomerHealth.<CustomerHealth>listAll().forEach(customer -> categories.put(customer.tenantId, customer.category));
        Map<String, CustomerAccount> accounts = new HashMap<>();
        CustomerAccount.<CustomerAccount>list("fastTrackManager is not null").forEach(account -> accounts.put(account.tenantId, account));
        Set<String> tenants = new TreeSet<>(owners.keySet());
        tenants.addAll(categories.keySet());
        tenants.addAll(accounts.keySet());
        if (teamManager != null) {
            tenants.removeIf(tenant -> owners.get(tenant) == null || !teamManager.equals(owners.get(tenant).teamManager));
        }

        Map<String, GroupTally> groups = new HashMap<>();
        Map<String, GroupTally> groupOfTenant = new HashMap<>();
        for (String tenant : tenants) {
            Owned customer = new Owned(owners.get(tenant), accounts.get(tenant));
            String key = groupBy.key.apply(customer);
            String name = key == null ? UNASSIGNED : groupBy.name.apply(customer);
            GroupTally tally = groups.computeIfAbsent(key == null ? UNASSIGNED : key, k -> new GroupTally(k, name));
            tally.add(categories.get(tenant));
            groupOfTenant.put(tenant, tally);
        }
        for (CategoryChange move : CategoryChange.movesBetween(from, to)) {
            GroupTally tally = groupOfTenant.get(move.tenantId);
            if (tally != null) {
                tally.move(move.direction);
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

        void add(String category) {
            customers++;
            if (category == null) {
                withoutUsage++;
            } else {
                perCategory.merge(category, 1, Integer::sum);
            }
        }

        void move(String direction) {
            if ("UP".equals(direction)) {
                up++;
            } else if ("DOWN".equals(direction)) {
                down++;
            }
        }
    }
}
