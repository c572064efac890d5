package io.fasttrack.flow.events.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What downstream services need to know about a request once it is assigned: enough to open the
 * engagement with the right FTOP tasks, notify the right people, and place the customer in a portfolio.
 */
public record RequestSnapshot(
        String requestId,
        RequestType type,
        RequestQueue queue,
        Customer customer,
        Region region,
        String timeZone,
        Contact requestor,
        List<String> accountTeam,
        List<Workload> workloads,
        boolean getModern,
        boolean engageBeforeLicensePurchase,
        BigDecimal fundingAmountUsd,
        Instant submittedAt) {
}
