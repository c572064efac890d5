package io.fasttrack.flow.assignment.api;

import io.fasttrack.flow.assignment.domain.ArchitectView;
import io.fasttrack.flow.assignment.domain.Fairness;
import io.fasttrack.flow.assignment.messaging.DecisionGate;
import io.fasttrack.flow.assignment.messaging.RosterCommands;
import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.kit.api.Paging;
import io.fasttrack.flow.kit.api.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The roster: register and change architects, and see their load (SPEC section 9). */
@Path("/architects")
@Produces(MediaType.APPLICATION_JSON)
public class ArchitectResource {

    private static final List<ArchitectRole> BALANCED_ROLES =
            List.of(ArchitectRole.ALIGNMENT_FTA, ArchitectRole.GET_MODERN_FTA, ArchitectRole.FTCHELP);

    @Inject
    DecisionGate gate;

    @Inject
    RosterCommands roster;

    /** A page of architects ({@link Paging.Page}'s envelope), with the spread of utilization per role among those not away. */
    public record ArchitectPage(List<ArchitectResponse> items, long total, int page, int size,
            Map<ArchitectRole, Fairness> fairness) {

        static ArchitectPage of(Paging.Page<ArchitectResponse> page, Map<ArchitectRole, Fairness> fairness) {
            return new ArchitectPage(page.items(), page.total(), page.page(), page.size(), fairness);
        }
    }

    @RolesAllowed("manager")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(String body) {
        ArchitectView registered = roster.register(ArchitectPayload.parse(body, null));
        return Response.created(UriBuilder.fromPath("/architects/{id}").build(registered.profile().id()))
                .entity(ArchitectResponse.of(registered)).build();
    }

    @RolesAllowed("manager")
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ArchitectResponse update(@PathParam("id") String id, String body) {
        return ArchitectResponse.of(roster.update(ArchitectPayload.parse(body, id)));
    }

    @RolesAllowed({"reader", "manager"})
    @GET
    @Path("/{id}")
    public ArchitectResponse get(@PathParam("id") String id) {
        return gate.read(balancer -> balancer.view(id)).map(ArchitectResponse::of)
                .orElseThrow(() -> ProblemException.notFound("no architect " + id));
    }

    @RolesAllowed({"reader", "manager"})
    @GET
    public ArchitectPage list(@QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("role") String role) {
        Paging paging = Paging.of(page, size);
        ArchitectRole filter = roleFilter(role);
        return gate.read(balancer -> {
            Map<ArchitectRole, Fairness> fairness = new EnumMap<>(ArchitectRole.class);
            for (ArchitectRole balanced : BALANCED_ROLES) {
                if (filter == null || filter == balanced) {
                    fairness.put(balanced, balancer.fairness(balanced));
                }
            }
            List<ArchitectResponse> items = balancer.views(filter, paging.offset(), paging.size()).stream()
                    .map(ArchitectResponse::of).toList();
            return ArchitectPage.of(paging.of(items, balancer.count(filter)), fairness);
        });
    }

    private static ArchitectRole roleFilter(String role) {
        if (role == null) {
            return null;
        }
        try {
            return ArchitectRole.valueOf(role);
        } catch (IllegalArgumentException unknown) {
            throw ProblemException.invalid("role", "unknown role " + role);
        }
    }
}
