package io.fasttrack.flow.assignment.messaging;

import io.fasttrack.flow.assignment.domain.Architect;
import io.fasttrack.flow.assignment.domain.AssignmentRequest;
import io.fasttrack.flow.events.model.ArchitectProfile;
import io.fasttrack.flow.events.model.RequestSnapshot;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.jboss.logging.Logger;

/** The domain's view of what the events carry: a request, an architect, a time zone. */
public final class Snapshots {

    private static final Logger LOG = Logger.getLogger(Snapshots.class);

    private Snapshots() {
    }

    public static AssignmentRequest toRequest(RequestSnapshot snapshot) {
        return new AssignmentRequest(snapshot.requestId(), snapshot.customer().tenantId(), snapshot.type(), snapshot.queue(),
                snapshot.getModern(), snapshot.region(), snapshot.workloads());
    }

    public static ZoneId zoneOf(String timeZone) {
        try {
            return timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone);
        } catch (DateTimeException unknown) {
            LOG.warnf("unknown time zone %s: SLA deadline computed in UTC", timeZone);
            return ZoneOffset.UTC;
        }
    }

    public static Architect toArchitect(ArchitectProfile profile) {
        return new Architect(profile.id(), profile.name(), profile.role(), profile.region(), ZoneId.of(profile.timeZone()),
                profile.capacity(), profile.skills() == null ? Set.of() : Set.copyOf(profile.skills()), profile.teamManager(),
                profile.awayFrom(), profile.awayTo());
    }
}
