package io.fasttrack.flow.engagement.api;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Who may change an engagement: the architect who holds it now (token upn = architect id), or any manager. */
@ApplicationScoped
public class EngagementAccess {

    @Inject
    SecurityIdentity caller;

    @Inject
    EngagementQueries queries;

    /** @throws ForbiddenException for an architect who does not hold the engagement (404 when there is none) */
    public void requireHolderOrManager(String engagementId) {
        if (caller.hasRole("manager")) {
            return;
        }
        if (!callerId().equals(queries.holder(engagementId))) {
            throw new ForbiddenException("engagement " + engagementId + " is held by another architect");
        }
    }

    /** The caller's id from the token (its upn, the subject): who decided, raised or resolved something. */
    public String callerId() {
        return caller.getPrincipal().getName();
    }
}
