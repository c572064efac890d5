package io.fasttrack.flow.assignment.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.fasttrack.flow.events.http.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error as application/problem+json; never a stack trace. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response refused(ApiException refused) {
        return problem(refused.problem());
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException unreadable) {
        String field = unreadable instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[")
                : "$";
        return problem(Problem.invalid("the body is not valid JSON",
                List.of(new Problem.Violation(field, unreadable.getOriginalMessage()))));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException failure) {
        int status = failure.getResponse().getStatus();
        if (failure.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable);
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        return problem(Problem.of(status, title, failure.getMessage()));
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
