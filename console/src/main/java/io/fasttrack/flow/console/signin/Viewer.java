package io.fasttrack.flow.console.signin;

import java.util.List;
import java.util.stream.Stream;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Who is looking, and so what a page offers: a manager steers everything, an architect acts on the engagements they
 * hold, a reader only reads. The services enforce the same rules again; the pages only leave out what would be refused.
 */
@RequestScoped
@Named("viewer")
public class Viewer {

    public static final String MANAGER = "manager";
    public static final String ARCHITECT = "architect";
    public static final String READER = "reader";

    @Inject
    SecurityIdentity identity;

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    public String id() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    public List<String> roles() {
        return Stream.of(MANAGER, ARCHITECT, READER, "submitter").filter(identity::hasRole).toList();
    }

    public boolean isManager() {
        return identity.hasRole(MANAGER);
    }

    public boolean isArchitect() {
        return identity.hasRole(ARCHITECT);
    }

    /** Manager or reader: the roster, the queue and the decisions are theirs to read. */
    public boolean seesAssignments() {
        return isManager() || identity.hasRole(READER);
    }

    /** Everyone but a submitter reads the risk alerts and the engagements. */
    public boolean seesAlerts() {
        return isManager() || isArchitect() || identity.hasRole(READER);
    }

    /** Whether this viewer may complete tasks, add notes and record DIBS on an engagement its architect holds. */
    public boolean mayActOn(String holderArchitectId) {
        return isManager() || (isArchitect() && holderArchitectId != null && holderArchitectId.equals(id()));
    }
}
