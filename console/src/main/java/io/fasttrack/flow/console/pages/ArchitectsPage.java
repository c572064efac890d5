package io.fasttrack.flow.console.pages;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.fasttrack.flow.console.services.AssignmentApi;
import io.fasttrack.flow.console.services.ServiceProblem;
import io.fasttrack.flow.console.views.Overview;
import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.Workload;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.RestForm;

/** {@code /architects}: load against capacity per architect, who is away, how fair the spread is; the roster form. */
@Path("/architects")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"manager", "reader"})
public class ArchitectsPage {

    static final int PAGE_SIZE = 50;

    /** The roles the balancer assigns requests to; managers are not on the roster's load table. */
    static final List<String> ASSIGNED_ROLES = List.of(ArchitectRole.ALIGNMENT_FTA.name(),
            ArchitectRole.GET_MODERN_FTA.name(), ArchitectRole.FTCHELP.name());

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance architects(Roster roster, Registration registration);
    }

    /** One page of the roster with the spread of utilization per role. */
    public record Roster(String role, AssignmentApi.Roster architects, List<Overview.RoleSpread> fairness,
            String registered) {
    }

    /** The registration form as sent, with what the service refused, so a refused form comes back filled in. */
    public record Registration(Map<String, String> values, List<String> skills, ServiceProblem problem) {

        static Registration empty() {
            return new Registration(Map.of(), List.of(), null);
        }

        public String value(String field) {
            return values.getOrDefault(field, "");
        }

        public boolean hasSkill(String workload) {
            return skills.contains(workload);
        }

        public String error(String field) {
            return problem == null ? null : problem.about(field);
        }

        public List<String> roles() {
            return ASSIGNED_ROLES;
        }

        public List<String> regions() {
            return Arrays.stream(Region.values()).map(Enum::name).toList();
        }

        public List<String> workloads() {
            return Arrays.stream(Workload.values()).map(Enum::name).toList();
        }
    }

    @RestClient
    AssignmentApi assignment;

    @GET
    public TemplateInstance architects(@QueryParam("role") String role, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("registered") String registered) {
        return Templates.architects(roster(role, page, registered), Registration.empty());
    }

    @RolesAllowed("manager")
    @POST
    public Response register(@RestForm String id, @RestForm String name, @RestForm String role,
            @RestForm String region, @RestForm String timeZone, @RestForm String capacity,
            @RestForm List<String> skills, @RestForm String teamManager) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("id", id);
        values.put("name", name);
        values.put("role", role);
        values.put("region", region);
        values.put("timeZone", timeZone);
        values.put("capacity", capacity);
        values.put("teamManager", teamManager);
        values.values().removeIf(value -> value == null || value.isBlank());
        Map<String, Object> architect = new LinkedHashMap<>(values);
        architect.computeIfPresent("capacity", (field, text) -> wholeNumberOrText((String) text));
        architect.put("skills", skills == null ? List.of() : skills);
        try {
            assignment.register(architect);
        } catch (ClientWebApplicationException refused) {
            ServiceProblem problem = ServiceProblem.of(refused);
            if (problem.status() != 400 && problem.status() != 409) {
                throw refused;
            }
            return Response.status(problem.status()).entity(Templates.architects(roster(null, 0, null),
                    new Registration(values, skills == null ? List.of() : skills, problem))).build();
        }
        return Response.seeOther(URI.create("/architects?registered=" + id)).build();
    }

    private Roster roster(String role, int page, String registered) {
        String filter = role == null || role.isBlank() ? null : role;
        AssignmentApi.Roster architects = assignment.architects(filter, Math.max(0, page), PAGE_SIZE);
        return new Roster(filter, architects, Overview.RoleSpread.of(architects.fairness()), registered);
    }

    /** A capacity the service can check as a number; anything else goes as typed and comes back as its violation. */
    private static Object wholeNumberOrText(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException notANumber) {
            return text;
        }
    }
}
