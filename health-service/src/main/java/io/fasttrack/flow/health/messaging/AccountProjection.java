package io.fasttrack.flow.health.messaging;

import io.fasttrack.flow.events.CustomerContractRecorded;
import io.fasttrack.flow.events.CustomerOwnerAssigned;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.health.store.BatchRows;
import io.fasttrack.flow.health.store.CustomerAccount;
import io.fasttrack.flow.health.store.CustomerHealth;
import io.fasttrack.flow.health.store.TenantAlias;
import io.fasttrack.flow.health.store.UsageReport;
import io.fasttrack.flow.kit.messaging.Effects;
import io.fasttrack.flow.kit.messaging.InvalidEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keeps each customer's FastTrack Manager and contract dates from this service's own CustomerOwnerAssigned and
 * CustomerContractRecorded, read back from the health topic; a recorded contract has its renewal checked at once.
 * Set-wise like the other projections: the accounts of the batch are read with one query, the new ones persisted once.
 */
@ApplicationScoped
public class AccountProjection {

    @Inject
    RenewalWatch renewals;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<EventEnvelope<EventData>> fresh, Effects effects) {
        Map<String, String> realTenants = TenantAlias.resolve(fresh.stream().map(AccountProjection::tenantOf).collect(Collectors.toSet()));
        BatchRows<CustomerAccount> accounts = new BatchRows<>(CustomerAccount.ofTenants(new HashSet<>(realTenants.values())));
        Map<String, EventEnvelope<EventData>> contracted = new LinkedHashMap<>();
        for (EventEnvelope<EventData> event : fresh) {
            String tenant = realTenants.get(tenantOf(event));
            CustomerAccount account = accounts.getOrCreate(tenant, CustomerAccount::of);
            if (event.data() instanceof CustomerOwnerAssigned assigned) {
                account.assignManager(assigned.fastTrackManager(), timeOf(assigned.assignedAt(), event));
            } else if (event.data() instanceof CustomerContractRecorded contract) {
                account.recordContract(contract.renewalDate(), contract.anniversaryDate(), timeOf(contract.recordedAt(), event));
                contracted.put(tenant, event);
            }
        }
        if (!contracted.isEmpty()) {
            Map<String, CustomerHealth> health = CustomerHealth.ofTenants(contracted.keySet());
            var histories = UsageReport.historiesOf(contracted.keySet());
            contracted.forEach((tenant, cause) -> renewals.check(accounts.getOrCreate(tenant, CustomerAccount::of),
                    health.get(tenant), histories.getOrDefault(tenant, List.of()), cause, effects));
        }
        accounts.persistCreated();
    }

    /** An owner or contract that names no customer, or an owner that names nobody, cannot be kept: it is dead-lettered. */
    private static String tenantOf(EventEnvelope<EventData> event) {
        String what = event.eventType().wireName() + " " + event.eventId();
        String tenantId;
        if (event.data() instanceof CustomerOwnerAssigned assigned) {
            if (assigned.fastTrackManager().isBlank()) {
                throw new InvalidEventException(what + " names no FastTrack Manager");
            }
            tenantId = assigned.tenantId();
        } else if (event.data() instanceof CustomerContractRecorded contract) {
            tenantId = contract.tenantId();
        } else {
            throw new InvalidEventException(what + " is not an account event");
        }
        if (tenantId.isBlank()) {
            throw new InvalidEventException(what + " names no customer (blank tenantId)");
        }
        return tenantId;
    }

    private static Instant timeOf(Instant stated, EventEnvelope<?> event) {
        return stated != null ? stated : event.occurredAt();
    }
}
