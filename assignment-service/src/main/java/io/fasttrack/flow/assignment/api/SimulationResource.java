package io.fasttrack.flow.assignment.api;

import io.fasttrack.flow.assignment.audit.Simulator;
import io.fasttrack.flow.assignment.domain.Simulation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * What if: the window's recorded inputs decided again by the pure balancer under other weights, capacities,
 * architects, away windows, continuity lookback or holidays, next to what was recorded. Nothing is published.
 */
@Path("/simulations")
@Produces(MediaType.APPLICATION_JSON)
public class SimulationResource {

    @Inject
    Simulator simulator;

    @RolesAllowed("manager")
    @POST
    @Consumes(MediaType.WILDCARD)
    public Simulation.Result simulate(String body) {
        return simulator.simulate(ScenarioPayload.parse(body));
    }
}
