package io.fasttrack.flow.health.messaging;

import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.TenantIdentified;
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.health.domain.WorkloadUsage;
import io.fasttrack.flow.health.store.CategoryChange;
import io.fasttrack.flow.health.store.CustomerAccount;
import io.fasttrack.flow.health.store.CustomerHealth;
import io.fasttrack.flow.health.store.CustomerOwner;
import io.fasttrack.flow.health.store.Engagement;
import io.fasttrack.flow.health.store.TenantAlias;
import io.fasttrack.flow.health.store.UsageReport;
import io.fasttrack.flow.health.store.UsageReports;
import io.fasttrack.flow.health.store.WorkloadLatest;
import io.fasttrack.flow.kit.messaging.Effects;
import io.fasttrack.flow.kit.messaging.InvalidEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Folds a placeholder tenant into the real tenant it was identified as (TenantIdentified): its usage reports,
 * health, category history, owner, engagements and account become the real tenant's, and what still arrives under
 * the placeholder is applied to the real tenant (the alias). The rules give the real tenant what it would hold had
 * the placeholder's events named it from the start, so a rebuild that meets the identification before the
 * placeholder's records ends where the first run did:
 * <ul>
 * <li>a report of the placeholder joins the real tenant's, unless the real tenant reported the same workload and
 * date itself; the latest report of each workload is the later of the two (the real tenant's on the same date);</li>
 * <li>a real tenant without health takes the placeholder's as it is (category, history, forecast); one with health
 * keeps its category, reassessed over the merged reports (HealthCategoryChanged derived from the identification
 * when that moves it), and takes the placeholder's category history too;</li>
 * <li>owner, FastTrack Manager and contract: the later assignment or contract of the two, by when it was made.</li>
 * </ul>
 * A placeholder is identified once: a later identification of it is ignored.
 */
@ApplicationScoped
public class TenantFolds {

    private static final Logger LOG = Logger.getLogger(TenantFolds.class);

    @Inject
    EntityManager entityManager;

    @Inject
    UsageReports usageReports;

    @Inject
    HealthProjection health;

    @Inject
    RenewalWatch renewals;

    @Transactional(Transactional.TxType.MANDATORY)
    public void fold(EventEnvelope<EventData> event, Effects effects) {
        TenantIdentified identified = (TenantIdentified) event.data();
        String placeholder = identified.placeholderId();
        if (placeholder.isBlank() || identified.tenantId().isBlank()) {
            throw new InvalidEventException("TenantIdentified " + event.eventId() + " names no placeholder or no tenant");
        }
        TenantAlias known = TenantAlias.findById(placeholder);
        if (known != null) {
            LOG.infof("placeholder %s was identified as %s already; TenantIdentified %s (as %s) changes nothing",
                    placeholder, known.tenantId, event.eventId(), identified.tenantId());
            return;
        }
        String tenant = TenantAlias.resolve(identified.tenantId());
        if (tenant.equals(placeholder)) {
            throw new InvalidEventException("TenantIdentified " + event.eventId() + " identifies " + placeholder + " as itself");
        }
        entityManager.flush();
        foldUsage(placeholder, tenant, event, effects);
        foldOwner(placeholder, tenant);
        foldAccount(placeholder, tenant);
        Engagement.update("tenantId = ?1 where tenantId = ?2", tenant, placeholder);
        // a placeholder identified as this placeholder before now leads to the real tenant too
        TenantAlias.update("tenantId = ?1 where tenantId = ?2", tenant, placeholder);
        TenantAlias alias = new TenantAlias();
        alias.placeholderId = placeholder;
        alias.tenantId = tenant;
        alias.identifiedAt = identified.identifiedAt() != null ? identified.identifiedAt() : event.occurredAt();
        alias.persist();
        entityManager.flush();
        renewals.check(CustomerAccount.findById(tenant), CustomerHealth.findById(tenant),
                UsageReport.historiesOf(List.of(tenant)).getOrDefault(tenant, List.of()), event, effects);
        entityManager.flush();
        // the bulk updates went past the entities loaded before: the rest of the batch reads the rows again
        entityManager.clear();
    }

    private void foldUsage(String placeholder, String tenant, EventEnvelope<?> event, Effects effects) {
        List<UsageReport> reports = UsageReport.list("tenantId", placeholder);
        if (reports.isEmpty()) {
            return;
        }
        Set<String> ownReports = UsageReport.<UsageReport>list("tenantId", tenant).stream().map(report -> report.reportKey)
                .collect(Collectors.toSet());
        usageReports.replace(reports.stream().map(report -> report.movedTo(tenant))
                .filter(moved -> !ownReports.contains(moved.reportKey)).toList());
        UsageReport.delete("tenantId", placeholder);

        Map<Workload, WorkloadLatest> latest = WorkloadLatest.ofTenants(List.of(tenant)).getOrDefault(tenant, new EnumMap<>(Workload.class));
        for (WorkloadLatest folded : WorkloadLatest.ofTenants(List.of(placeholder)).getOrDefault(placeholder, Map.of()).values()) {
            WorkloadLatest kept = latest.get(folded.workload);
            if (kept == null) {
                kept = WorkloadLatest.first(tenant, folded.toUsage());
                latest.put(kept.workload, kept);
                kept.persist();
            } else if (folded.asOf.isAfter(kept.asOf)) {
                kept.offer(folded.toUsage());
            }
        }
        WorkloadLatest.delete("tenantId", placeholder);
        CategoryChange.update("tenantId = ?1 where tenantId = ?2", tenant, placeholder);

        CustomerHealth folded = CustomerHealth.findById(placeholder);
        CustomerHealth real = CustomerHealth.findById(tenant);
        if (folded == null) {
            return;
        }
        if (real == null) {
            entityManager.createNativeQuery("update customer_health set tenant_id = ?1 where tenant_id = ?2")
                    .setParameter(1, tenant).setParameter(2, placeholder).executeUpdate();
            return;
        }
        if (folded.renewalReportedAsOf != null
                && (real.renewalReportedAsOf == null || folded.renewalReportedAsOf.isAfter(real.renewalReportedAsOf))) {
            real.renewalDate = folded.renewalDate;
            real.renewalReportedAsOf = folded.renewalReportedAsOf;
        }
        folded.delete();
        List<WorkloadUsage> merged = latest.values().stream().map(WorkloadLatest::toUsage).toList();
        LocalDate asOf = merged.stream().map(WorkloadUsage::asOf).max(LocalDate::compareTo).orElseThrow();
        health.reassess(real, merged, asOf, event, effects);
    }

    private void foldOwner(String placeholder, String tenant) {
        CustomerOwner folded = CustomerOwner.findById(placeholder);
        if (folded == null) {
            return;
        }
        CustomerOwner real = CustomerOwner.findById(tenant);
        if (real == null) {
            entityManager.createNativeQuery("update customer_owner set tenant_id = ?1 where tenant_id = ?2")
                    .setParameter(1, tenant).setParameter(2, placeholder).executeUpdate();
            return;
        }
        real.absorb(folded);
        folded.delete();
    }

    private void foldAccount(String placeholder, String tenant) {
        CustomerAccount folded = CustomerAccount.findById(placeholder);
        if (folded == null) {
            return;
        }
        CustomerAccount real = CustomerAccount.findById(tenant);
        if (real == null) {
            entityManager.createNativeQuery("update customer_account set tenant_id = ?1 where tenant_id = ?2")
                    .setParameter(1, tenant).setParameter(2, placeholder).executeUpdate();
            return;
        }
        real.absorb(folded);
        folded.delete();
    }
}
