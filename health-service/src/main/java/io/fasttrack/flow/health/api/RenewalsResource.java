package io.fasttrack.flow.health.api;

import io.fasttrack.flow.events.http.Problem.Violation;
import io.fasttrack.flow.health.domain.Forecaster;
import io.fasttrack.flow.health.domain.WorkloadUsage;
import io.fasttrack.flow.health.store.CustomerAccount;
import io.fasttrack.flow.health.store.CustomerHealth;
import io.fasttrack.flow.health.store.UsageReport;
import io.fasttrack.flow.kit.api.FieldLimit;
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
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * GET /renewals: the customers whose contract renews in [today, today + within] (UTC), soonest first, a page like
 * every list. Selected and paged in the database on the renewal-date index; only the page's customers have their
 * category and forecast read (one query each for the page).
 */
@Path("/renewals")
public class RenewalsResource {

    static final Period DEFAULT_WITHIN = Period.ofDays(90);
    static final int MOST_DAYS = 3650;

    @Inject
    Forecaster forecaster;

    @Inject
    Clock clock;

    @RolesAllowed({"reader", "architect", "manager"})
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Customers renewing within a period from today, with their category now and forecast at renewal")
    public Paging.Page<RenewalView> renewals(@QueryParam("within") String withinParam,
            @QueryParam("fastTrackManager") String fastTrackManager, @QueryParam("page") String pageParam,
            @QueryParam("size") String sizeParam) {
        List<Violation> violations = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        LocalDate last = lastDay(withinParam, today, violations);
        if (fastTrackManager != null && fastTrackManager.length() > FieldLimit.PERSON.maxLength()) {
            violations.add(new Violation("fastTrackManager", "must be at most " + FieldLimit.PERSON.maxLength() + " characters"));
        }
        Paging paging = null;
        try {
            paging = Paging.of(pageParam, sizeParam);
        } catch (ProblemException badPaging) {
            violations.addAll(badPaging.problem().violations());
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("the renewals query is invalid", violations);
        }

        Paging.Page<CustomerAccount> accounts = CustomerAccount.renewingBetween(today, last,
                fastTrackManager == null || fastTrackManager.isBlank() ? null : fastTrackManager.trim(), paging);
        List<String> tenants = accounts.items().stream().map(account -> account.tenantId).toList();
        Map<String, CustomerHealth> health = CustomerHealth.ofTenants(tenants);
        Map<String, List<WorkloadUsage>> histories = UsageReport.historiesOf(tenants);
        return accounts.map(account -> view(account, health.get(account.tenantId),
                histories.getOrDefault(account.tenantId, List.of())));
    }

    private RenewalView view(CustomerAccount account, CustomerHealth health, List<WorkloadUsage> history) {
        Forecaster.Forecast forecast = forecaster.forecast(history, account.renewalDate);
        boolean atRenewal = forecast.sufficientData() && Forecaster.BASIS_RENEWAL_DATE.equals(forecast.targetBasis());
        return new RenewalView(account.tenantId, account.renewalDate, account.anniversaryDate, account.fastTrackManager,
                health == null ? null : health.category, atRenewal ? forecast.category() : null,
                atRenewal ? forecast.utilization() : null);
    }

    /** The window's last day: today + within, an ISO period of at most 3650 days (P90D when absent). */
    private static LocalDate lastDay(String within, LocalDate today, List<Violation> violations) {
        Period period = DEFAULT_WITHIN;
        if (within != null && !within.isBlank()) {
            try {
                period = Period.parse(within.trim());
            } catch (DateTimeParseException notAPeriod) {
                violations.add(new Violation("within", "must be an ISO-8601 period like P90D"));
                return today;
            }
        }
        LocalDate longest = today.plusDays(MOST_DAYS);
        LocalDate last;
        try {
            last = today.plus(period);
        } catch (DateTimeException | ArithmeticException beyondCalendar) {
            last = null;
        }
        if (period.isNegative() || last == null || last.isBefore(today) || last.isAfter(longest)) {
            violations.add(new Violation("within", "must be a period from P0D to P" + MOST_DAYS + "D"));
            return today;
        }
        return last;
    }
}
