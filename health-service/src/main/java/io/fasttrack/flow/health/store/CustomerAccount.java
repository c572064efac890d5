package io.fasttrack.flow.health.store;

import io.fasttrack.flow.kit.api.Paging;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A customer's FastTrack Manager (CustomerOwnerAssigned) and contract dates (CustomerContractRecorded). Each keeps
 * the latest by the time it was made, not by arrival, so any interleaving of the topics, and folding a placeholder
 * into its real tenant, keeps the same one.
 */
@Entity
@Table(name = "customer_account")
public class CustomerAccount extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "fast_track_manager")
    public String fastTrackManager;

    @Column(name = "manager_assigned_at")
    public Instant managerAssignedAt;

    @Column(name = "renewal_date")
    public LocalDate renewalDate;

    @Column(name = "anniversary_date")
    public LocalDate anniversaryDate;

    @Column(name = "contract_recorded_at")
    public Instant contractRecordedAt;

    /** The renewal date a RenewalAtRisk was published for; a renewal is reported at risk once. */
    @Column(name = "renewal_at_risk_reported")
    public LocalDate renewalAtRiskReported;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The accounts of these customers, by tenant id; a customer without a manager or contract is absent. */
    public static Map<String, CustomerAccount> ofTenants(Collection<String> tenantIds) {
        Map<String, CustomerAccount> byTenant = new HashMap<>();
        if (!tenantIds.isEmpty()) {
            CustomerAccount.<CustomerAccount>list("tenantId in ?1", tenantIds).forEach(account -> byTenant.put(account.tenantId, account));
        }
        return byTenant;
    }

    /**
     * The accounts whose renewal falls in [{@code from}, {@code to}], of one FastTrack Manager when one is given,
     * soonest first (then by tenant id): one page and the count of all, selected on the renewal-date index.
     */
    public static Paging.Page<CustomerAccount> renewingBetween(LocalDate from, LocalDate to, String fastTrackManager, Paging paging) {
        String query = "renewalDate between :from and :to";
        Parameters parameters = Parameters.with("from", from).and("to", to);
        if (fastTrackManager != null) {
            query += " and fastTrackManager = :manager";
            parameters = parameters.and("manager", fastTrackManager);
        }
        List<CustomerAccount> page = CustomerAccount.<CustomerAccount>find(query, Sort.by("renewalDate").and("tenantId"), parameters)
                .range(paging.offset(), paging.offset() + paging.size() - 1).list();
        return paging.of(page, CustomerAccount.count(query, parameters));
    }

    /** A customer without an account yet; not persisted (a batch persists its new rows once it is applied). */
    public static CustomerAccount of(String tenantId) {
        CustomerAccount account = new CustomerAccount();
        account.tenantId = tenantId;
        return account;
    }

    /** Makes {@code manager} the FastTrack Manager unless a later assignment is kept already. */
    public void assignManager(String manager, Instant at) {
        if (managerAssignedAt == null || !at.isBefore(managerAssignedAt)) {
            fastTrackManager = manager;
            managerAssignedAt = at;
            touch(at);
        }
    }

    /** Records the contract dates unless a later contract is kept already. */
    public void recordContract(LocalDate renewal, LocalDate anniversary, Instant at) {
        if (contractRecordedAt == null || !at.isBefore(contractRecordedAt)) {
            renewalDate = renewal;
            anniversaryDate = anniversary;
            contractRecordedAt = at;
            touch(at);
        }
    }

    /** Takes what {@code other} (a placeholder folded into this customer) holds that is later than this one's. */
    public void absorb(CustomerAccount other) {
        if (other.managerAssignedAt != null) {
            assignManager(other.fastTrackManager, other.managerAssignedAt);
        }
        if (other.contractRecordedAt != null) {
            LocalDate ownReported = renewalAtRiskReported;
            recordContract(other.renewalDate, other.anniversaryDate, other.contractRecordedAt);
            // the renewal kept was reported at risk if either of the two reported it
            if (renewalDate != null && (renewalDate.equals(ownReported) || renewalDate.equals(other.renewalAtRiskReported))) {
                renewalAtRiskReported = renewalDate;
            }
        }
    }

    /** A renewal is known that was not reported at risk yet. */
    public boolean renewalUnreported() {
        return renewalDate != null && !renewalDate.equals(renewalAtRiskReported);
    }

    private void touch(Instant at) {
        updatedAt = updatedAt == null || at.isAfter(updatedAt) ? at : updatedAt;
    }
}
