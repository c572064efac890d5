package io.fasttrack.flow.console.pages;

import io.fasttrack.flow.console.services.HealthApi;
import io.fasttrack.flow.console.views.UtilizationChart;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * {@code /customers/{tenantId}}: the customer's health category, its utilization history per workload and the
 * forecast to renewal, and what it takes to reach the next category.
 */
@Path("/customers/{tenantId}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"manager", "reader"})
public class CustomerPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance customer(HealthApi.CustomerHealth health, UtilizationChart chart);
    }

    @RestClient
    HealthApi health;

    @GET
    public TemplateInstance customer(@PathParam("tenantId") String tenantId) {
        HealthApi.CustomerHealth customer = health.customer(tenantId);
        return Templates.customer(customer, UtilizationChart.of(customer));
    }
}
