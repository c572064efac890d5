package io.fasttrack.flow.intake.api;

import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.TenantIdentified;
import io.fasttrack.flow.intake.domain.PlaceholderTenant;
import io.fasttrack.flow.intake.domain.TenantIds;
import io.fasttrack.flow.intake.messaging.RequestPublisher;
import io.fasttrack.flow.intake.IntakeConfig;
import io.fasttrack.flow.intake.store.RequestQueries;
import io.fasttrack.flow.intake.store.TenantIdentities;
import io.fasttrack.flow.kit.api.FieldLimit;
import io.fasttrack.flow.kit.api.JsonFields;
import io.fasttrack.flow.kit.api.ProblemException;
import io.fasttrack.flow.kit.messaging.TransientFailure;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;

/**
 * A manager names the real tenant of a placeholder: validate, publish TenantIdentified on the requests topic (keyed by
 * the placeholder, after its requests) and answer once the broker acknowledged it. The requests move to the real
 * tenant when the requests consumer applies the event, as every change of the projection does.
 *
 * <p>The event id is derived from the pair, so a retry after a 503 publishes the same event and consumers drop the
 * copy. A placeholder is identified once: a pair the projection holds already answers as before and publishes nothing;
 * another tenant for it is a 409. Two managers naming two tenants at the same moment both get a 200, and the first on
 * the log stands.
 */
@ApplicationScoped
public class PlaceholderIdentification {

    private static final Set<String> FIELDS = Set.of("tenantId");

    private final RequestPublisher publisher;
    private final RequestQueries requests;
    private final TenantIdentities identities;
    private final IntakeConfig config;
    private final Clock clock;

    PlaceholderIdentification(RequestPublisher publisher, RequestQueries requests, TenantIdentities identities,
            IntakeConfig config, Clock clock) {
        this.publisher = publisher;
        this.requests = requests;
        this.identities = identities;
        this.config = config;
        this.clock = clock;
    }

    /** Blocks its (worker) thread until the broker acknowledged the event, at most {@code publish-timeout}. */
    public Identification identify(String placeholderId, String body, String identifiedBy) {
        String tenantId = validTenantId(placeholderId, body);
        Identification answer = new Identification(placeholderId, tenantId);
        String known = identities.realTenantsOf(List.of(placeholderId)).get(placeholderId);
        if (tenantId.equals(known)) {
            return answer;
        }
        if (known != null) {
            throw ProblemException.conflict("placeholder " + placeholderId + " is identified as tenant " + known + " already");
        }
        if (!requests.anyRequestOf(placeholderId)) {
            throw ProblemException.notFound("no request names placeholder tenant " + placeholderId);
        }
        Instant now = clock.instant();
        EventEnvelope<TenantIdentified> envelope = EventEnvelope.of(identifiedEventId(placeholderId, tenantId), now,
                SubmissionService.SOURCE, null, null, new TenantIdentified(placeholderId, tenantId, identifiedBy, now));
        try {
            publisher.publishIdentification(envelope).join();
        } catch (CompletionException failure) {
            if (failure.getCause() instanceof TransientFailure) {
                throw ProblemException.unavailable("the event log did not acknowledge the identification in time, so it"
                        + " may have been recorded; a retry is safe", config.retryAfterSeconds());
            }
            throw failure;
        }
        return answer;
    }

    /** The pair names one identification: publishing it again gives the same event id. */
    static UUID identifiedEventId(String placeholderId, String tenantId) {
        return UUID.nameUUIDFromBytes(("TenantIdentified/" + placeholderId + "/" + tenantId).getBytes(StandardCharsets.UTF_8));
    }

    /** The real tenant the body names; one 400 names every bad field, the path's placeholder among them. */
    private static String validTenantId(String placeholderId, String body) {
        JsonFields fields = JsonFields.parse(body, true).allowOnly(FIELDS);
        if (!PlaceholderTenant.isPlaceholder(placeholderId) || !TenantIds.wellFormed(placeholderId)) {
            fields.violation("placeholderId", "must be a placeholder tenant id (" + PlaceholderTenant.PREFIX + "...)");
        }
        String tenantId = fields.requiredText("tenantId", FieldLimit.ID);
        if (tenantId != null && !TenantIds.wellFormed(tenantId)) {
            fields.violation("tenantId", TenantIds.FORM);
        } else if (PlaceholderTenant.isPlaceholder(tenantId)) {
            fields.violation("tenantId", "must be a real tenant id, not a placeholder");
        }
        fields.throwIfInvalid("the identification is invalid");
        return tenantId;
    }
}
