package io.fasttrack.flow.assignment.api;

import jakarta.annotation.security.RolesAllowed;
import com.fasterxml.jackson.databind.JsonNode;
import io.fasttrack.flow.assignment.domain.ArchitectView;
import io.fasttrack.flow.assignment.domain.Fairness;
import io.fasttrack.flow.assignment.messaging.AssignmentEngine;
import io.fasttrack.flow.events.http.Problem.Violation;
import io.fasttrack.flow.events.model.ArchitectRole;
import jakarta.inject.Inject;
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
    AssignmentEngine engine;

    /** A page of architects, with the spread of utilization per role among those not away. */
    public record ArchitectPage(int page, int size, long total, List<ArchitectResponse> items,
            Map<ArchitectRole, Fairness> fairness) {
    }

    @RolesAllowed("manager")
    @POST
    public Response register(JsonNode body) {
        ArchitectView registered = engine.register(ArchitectPayload.parse(body, null));
        return Response.created(UriBuilder.fromPath("/architects/{id}").build(registered.profile().id()))
                .entity(ArchitectResponse.of(registered)).build();
    }

    @RolesAllowed("manager")
    @PUT
    @Path("/{id}")
    public ArchitectResponse update(@PathParam("id") String id, JsonNode body) {
        return ArchitectResponse.of(engine.update(ArchitectPayload.parse(body, id)));
    }

    @RolesAllowed({"reader", "manager"})
    @GET
    @Path("/{id}")
    public ArchitectResponse get(@PathParam("id") String id) {
        return engine.read(balancer -> balancer.view(id)).map(ArchitectResponse::of)
                .orElseThrow(() -> ApiException.notFound("no architect " + id));
    }

    @RolesAllowed({"reader", "manager"})
    @GET
    public ArchitectPage list(@QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @QueryParam("role") String role) {
        Paging paging = Paging.of(page, size);
        ArchitectRole roleFilter = null;
        if (role != null) {
            try {
                roleFilter = ArchitectRole.valueOf(role);
            } catch (IllegalArgumentException unknown) {
                throw ApiException.invalid(List.of(new Violation("role", "unknown role " + role)));
            }
        }
        ArchitectRole filter = roleFilter;
        return engine.read(balancer -> {
            Map<ArchitectRole, Fairness> fairness = new EnumMap<>(ArchitectRole.class);
            for (ArchitectRole balanced : BALANCED_ROLES) {
                if (filter == null || filter == balanced) {
                    fairness.put(balanced, balancer.fairness(balanced));
                }
            }
            List<ArchitectResponse> items = balancer.views(filter, paging.offset(), paging.size()).stream()
                    .map(ArchitectResponse::of).toList();
            return new ArchitectPage(paging.page(), paging.size(), balancer.count(filter), items, fairness);
        });
    }
}
