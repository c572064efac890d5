package io.fasttrack.flow.console.pages;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.fasttrack.flow.console.services.AssignmentApi;
import io.fasttrack.flow.console.services.ServiceProblem;
import io.fasttrack.flow.events.model.RequestType;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.RestForm;

/**
 * {@code /simulations}: what if, on the real history — other weights per request type, capacities, architects
 * away or removed — and the comparison with what was recorded, side by side.
 */
@Path("/simulations")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("manager")
public class SimulationPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance simulations(Scenario scenario, AssignmentApi.SimulationResult result,
                ServiceProblem problem);
    }

    /**
     * The form as typed: the window's days, a weight per request type (blank: the service's), capacities as
     * {@code architect=units} lines, architects removed for the window.
     */
    public record Scenario(String from, String to, Map<String, String> weights, String capacity, String removed) {

        static Scenario lastThirtyDays() {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            return new Scenario(today.minusDays(30).toString(), today.plusDays(1).toString(), Map.of(), "", "");
        }

        public List<String> requestTypes() {
            return Arrays.stream(RequestType.values()).map(Enum::name).toList();
        }

        public String weight(String type) {
            return weights.getOrDefault(type, "");
        }

        /** The body of POST /simulations; what cannot be read goes as typed, for the service to name. */
        Map<String, Object> body() {
            Map<String, Object> overrides = new LinkedHashMap<>();
            Map<String, Object> weightOverrides = new LinkedHashMap<>();
            weights.forEach((type, weight) -> weightOverrides.put(type, wholeNumberOrText(weight)));
            if (!weightOverrides.isEmpty()) {
                overrides.put("weights", weightOverrides);
            }
            Map<String, Object> capacities = new LinkedHashMap<>();
            capacity.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(line -> {
                String[] pair = line.split("=", 2);
                capacities.put(pair[0].strip(), pair.length == 2 ? wholeNumberOrText(pair[1].strip()) : "");
            });
            if (!capacities.isEmpty()) {
                overrides.put("capacity", capacities);
            }
            List<String> removedIds = Arrays.stream(removed.split("[,\\s]+")).filter(id -> !id.isBlank()).toList();
            if (!removedIds.isEmpty()) {
                overrides.put("removedArchitects", removedIds);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("from", from + "T00:00:00Z");
            body.put("to", to + "T00:00:00Z");
            body.put("overrides", overrides);
            return body;
        }

        private static Object wholeNumberOrText(String text) {
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException notANumber) {
                return text;
            }
        }
    }

    @RestClient
    AssignmentApi assignment;

    @GET
    public TemplateInstance form() {
        return Templates.simulations(Scenario.lastThirtyDays(), null, null);
    }

    @POST
    public Response simulate(@RestForm String from, @RestForm String to, @RestForm String capacity,
            @RestForm String removed, @RestForm("weight.DISCOVERY_WORKSHOP") String workshop,
            @RestForm("weight.ECIF_DWR_REVIEW") String review, @RestForm("weight.MIGRATION_EXCEPTION") String migration,
            @RestForm("weight.LAND_FTC_BENEFIT") String benefit, @RestForm("weight.SALES_SUPPORT_INQUIRY") String inquiry,
            @RestForm("weight.ENGAGE_BEFORE_LICENSE") String beforeLicense) {
        Map<String, String> weights = new LinkedHashMap<>();
        String[] typed = {workshop, review, migration, benefit, inquiry, beforeLicense};
        RequestType[] types = {RequestType.DISCOVERY_WORKSHOP, RequestType.ECIF_DWR_REVIEW,
                RequestType.MIGRATION_EXCEPTION, RequestType.LAND_FTC_BENEFIT, RequestType.SALES_SUPPORT_INQUIRY,
                RequestType.ENGAGE_BEFORE_LICENSE};
        for (int i = 0; i < types.length; i++) {
            String weight = Params.text(typed[i]);
            if (weight != null) {
                weights.put(types[i].name(), weight);
            }
        }
        Scenario scenario = new Scenario(Params.text(from), Params.text(to), weights,
                capacity == null ? "" : capacity, removed == null ? "" : removed);
        try {
            return Response.ok(Templates.simulations(scenario, assignment.simulate(scenario.body()), null)).build();
        } catch (ClientWebApplicationException refused) {
            ServiceProblem problem = ServiceProblem.of(refused);
            if (problem.status() != 400) {
                throw refused;
            }
            return Response.status(400).entity(Templates.simulations(scenario, null, problem)).build();
        }
    }
}
