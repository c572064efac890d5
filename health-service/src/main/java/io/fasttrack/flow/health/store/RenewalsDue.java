package io.fasttrack.flow.health.store;

import io.fasttrack.flow.health.domain.WorkloadUsage;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The customers of a usage batch whose contract renewal was not reported at risk yet, with their usage history
 * (read with one query for the batch, only for them), kept current as the batch's reports are applied: each
 * report is checked against the renewal as if it had come alone, so how the topic is cut into batches changes nothing.
 */
public final class RenewalsDue {

    private final Map<String, CustomerAccount> accounts;
    private final Map<String, Map<String, WorkloadUsage>> histories;

    private RenewalsDue(Map<String, CustomerAccount> accounts, Map<String, Map<String, WorkloadUsage>> histories) {
        this.accounts = accounts;
        this.histories = histories;
    }

    public static RenewalsDue of(Collection<String> tenantIds) {
        Map<String, CustomerAccount> due = CustomerAccount.ofTenants(tenantIds);
        due.values().removeIf(account -> !account.renewalUnreported());
        Map<String, Map<String, WorkloadUsage>> histories = new HashMap<>();
        if (!due.isEmpty()) {
            UsageReport.<UsageReport>list("tenantId in ?1 order by asOf, workload", due.keySet()).forEach(report -> histories
                    .computeIfAbsent(report.tenantId, tenant -> new LinkedHashMap<>()).put(report.reportKey, report.toUsage()));
        }
        return new RenewalsDue(due, histories);
    }

    /** Adds the report to its customer's history and, while its renewal is unreported, hands both to {@code check}. */
    public void after(String tenantId, UsageReport report, WorkloadUsage usage, BiConsumer<CustomerAccount, Collection<WorkloadUsage>> check) {
        CustomerAccount account = accounts.get(tenantId);
        if (account == null || !account.renewalUnreported()) {
            return;
        }
        Map<String, WorkloadUsage> history = histories.computeIfAbsent(tenantId, tenant -> new LinkedHashMap<>());
        history.put(report.reportKey, usage);
        check.accept(account, history.values());
    }
}
