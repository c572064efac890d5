package io.fasttrack.flow.health.api;

import io.fasttrack.flow.events.http.Problem.Violation;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RiskAlertKind;
import io.fasttrack.flow.health.store.AlertQueries;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** GET /alerts: the open risk alerts, newest first, narrowed by the customer's owners, region and the kind. */
@Path("/alerts")
public class AlertResource {

    @Inject
    AlertQueries queries;

    @RolesAllowed({"reader", "architect", "manager"})
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Open risk alerts, newest first, by team manager, FastTrack Manager, region and kind")
    public Paging.Page<AlertView> alerts(@QueryParam("teamManager") String teamManager,
            @QueryParam("fastTrackManager") String fastTrackManager, @QueryParam("region") String region,
            @QueryParam("kind") String kind, @QueryParam("page") String page, @QueryParam("size") String size) {
        List<Violation> violations = new ArrayList<>();
        String kindName = oneOf("kind", kind, RiskAlertKind.class, violations);
        AlertQueries.Filter filter = new AlertQueries.Filter(id("teamManager", teamManager, violations),
                id("fastTrackManager", fastTrackManager, violations), oneOf("region", region, Region.class, violations),
                kindName == null ? null : RiskAlertKind.valueOf(kindName));
        Paging paging = null;
        try {
            paging = Paging.of(page, size);
        } catch (ProblemException badPaging) {
            violations.addAll(badPaging.problem().violations());
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("the alerts query is invalid", violations);
        }
        List<AlertView> items = queries.page(filter, paging.offset(), paging.size()).stream()
                .map(alert -> new AlertView(alert.alertId(), alert.tenantId(), alert.kind(), alert.concern(), alert.detail(),
                        alert.raisedAt(), alert.region(), alert.teamManager(), alert.fastTrackManager()))
                .toList();
        return paging.of(items, queries.count(filter));
    }

    private static String id(String name, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > FieldLimit.ID.maxLength()) {
            violations.add(new Violation(name, "must be at most " + FieldLimit.ID.maxLength() + " characters"));
            return null;
        }
        return value;
    }

    private static <E extends Enum<E>> String oneOf(String name, String value, Class<E> values, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        List<String> allowed = Arrays.stream(values.getEnumConstants()).map(Enum::name).toList();
        if (!allowed.contains(value)) {
            violations.add(new Violation(name, "must be one of " + allowed));
            return null;
        }
        return value;
    }
}
