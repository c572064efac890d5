package io.fasttrack.flow.assignment.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while this instance decides: a follower (or one still loading the decision log) gets no traffic.
 * Liveness does not include it, so a follower is not restarted for waiting.
 */
@Readiness
@ApplicationScoped
public class DeciderReadiness implements HealthCheck {

    @Inject
    DeciderElection election;

    @Override
    public HealthCheckResponse call() {
        DeciderElection.Role role = election.role();
        return HealthCheckResponse.named("decider-lease").status(role == DeciderElection.Role.DECIDING)
                .withData("role", role.name()).withData("holder", election.holder()).build();
    }
}
