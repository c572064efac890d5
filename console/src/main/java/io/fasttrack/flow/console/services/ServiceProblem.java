package io.fasttrack.flow.console.services;

import java.util.List;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

/**
 * What a service said when it refused a call: its problem+json, so a page can show each bad field next to the form
 * that sent it.
 */
public record ServiceProblem(int status, String title, String detail, List<Violation> violations) {

    public record Violation(String field, String message) {
    }

    public static ServiceProblem of(WebApplicationException refused) {
        int status = refused.getResponse().getStatus();
        try {
            ServiceProblem body = refused.getResponse().readEntity(ServiceProblem.class);
            if (body != null) {
                return new ServiceProblem(status, body.title(), body.detail(),
                        body.violations() == null ? List.of() : body.violations());
            }
        } catch (ProcessingException | IllegalStateException notAProblem) {
            // an answer without a problem body (a proxy's error page): the status says enough
        }
        return new ServiceProblem(status, refused.getResponse().getStatusInfo().getReasonPhrase(), null, List.of());
    }

    /** The message of the violation of this field, null when the field was fine. */
    public String about(String field) {
        return violations.stream().filter(v -> field.equals(v.field())).map(Violation::message).findFirst()
                .orElse(null);
    }
}
