package io.fasttrack.flow.health.api;

import io.fasttrack.flow.events.CustomerContractRecorded;
import io.fasttrack.flow.events.CustomerOwnerAssigned;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.health.messaging.HealthTopic;
import io.fasttrack.flow.health.store.CustomerAccount;
import io.fasttrack.flow.health.store.TenantAlias;
import io.fasttrack.flow.kit.api.FieldLimit;
import io.fasttrack.flow.kit.api.JsonFields;
import io.fasttrack.flow.kit.api.ProblemException;
import io.fasttrack.flow.kit.messaging.Effects;
import io.fasttrack.flow.kit.messaging.KitSettings;
import io.fasttrack.flow.kit.messaging.TransientFailure;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A manager's commands on a customer's account: its FastTrack Manager and its contract dates. Each is published on
 * the health topic and answered once the broker acknowledged it (503 problem when it did not in time); the account
 * rows change when the service reads its own event back, like every projection here.
 */
@Path("/customers/{tenantId}")
public class CustomerAccountResource {

    /** The answer to PUT /customers/{tenantId}/owner. */
    public record OwnerView(String tenantId, String fastTrackManager, String previousFastTrackManager, String assignedBy,
            Instant assignedAt) {
    }

    /** The answer to PUT /customers/{tenantId}/contract. */
    public record ContractView(String tenantId, LocalDate renewalDate, LocalDate anniversaryDate, String recordedBy,
            Instant recordedAt) {
    }

    @Inject
    HealthTopic topic;

    @Inject
    KitSettings kit;

    @Inject
    SecurityIdentity caller;

    @Inject
    Clock clock;

    @RolesAllowed("manager")
    @PUT
    @Path("/owner")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Make someone the customer's FastTrack Manager (CustomerOwnerAssigned)")
    public OwnerView assignOwner(@PathParam("tenantId") String tenantId, String body,
            @HeaderParam("X-Request-Id") String requestId) {
        JsonFields fields = JsonFields.parse(body, true).allowOnly(Set.of("fastTrackManager"));
        String manager = fields.requiredText("fastTrackManager", FieldLimit.PERSON);
        checkTenant(tenantId, fields);
        fields.throwIfInvalid("the owner is invalid");
        CustomerAccount account = CustomerAccount.findById(TenantAlias.resolve(tenantId));
        CustomerOwnerAssigned assigned = new CustomerOwnerAssigned(tenantId, manager,
                account == null ? null : account.fastTrackManager, caller.getPrincipal().getName(), clock.instant());
        publish(assigned, assigned.assignedAt(), requestId);
        return new OwnerView(tenantId, manager, assigned.previousFastTrackManager(), assigned.assignedBy(), assigned.assignedAt());
    }

    @RolesAllowed("manager")
    @PUT
    @Path("/contract")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the customer's contract renewal and anniversary dates (CustomerContractRecorded)")
    public ContractView recordContract(@PathParam("tenantId") String tenantId, String body,
            @HeaderParam("X-Request-Id") String requestId) {
        JsonFields fields = JsonFields.parse(body, true).allowOnly(Set.of("renewalDate", "anniversaryDate"));
        LocalDate renewal = fields.requiredDate("renewalDate");
        LocalDate anniversary = fields.optionalDate("anniversaryDate");
        checkTenant(tenantId, fields);
        fields.throwIfInvalid("the contract is invalid");
        CustomerContractRecorded recorded = new CustomerContractRecorded(tenantId, renewal, anniversary,
                caller.getPrincipal().getName(), clock.instant());
        publish(recorded, recorded.recordedAt(), requestId);
        return new ContractView(tenantId, renewal, anniversary, recorded.recordedBy(), recorded.recordedAt());
    }

    /** The path's tenant id follows the limit of a tenant id in a body. */
    private static void checkTenant(String tenantId, JsonFields fields) {
        if (tenantId.isBlank() || tenantId.length() > FieldLimit.ID.maxLength()) {
            fields.violation("tenantId", "must be 1 to " + FieldLimit.ID.maxLength() + " characters");
        }
    }

    private void publish(EventData data, Instant at, String requestId) {
        try {
            Effects.awaitAll(List.of(topic.send(EventEnvelope.of(at, UsageReporting.SOURCE,
                    requestId == null || requestId.isBlank() ? null : requestId, null, data))), kit.ackTimeout());
        } catch (TransientFailure unconfirmed) {
            throw ProblemException.unavailable("the event broker did not confirm the change in time; sending it again is"
                    + " harmless", UsageReporting.RETRY_AFTER_SECONDS);
        }
    }
}
