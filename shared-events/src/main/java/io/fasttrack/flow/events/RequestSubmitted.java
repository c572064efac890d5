package io.fasttrack.flow.events;

import io.fasttrack.flow.events.model.Attachment;
import io.fasttrack.flow.events.model.Contact;
import io.fasttrack.flow.events.model.Customer;
import io.fasttrack.flow.events.model.InquiryDetails;
import io.fasttrack.flow.events.model.MigrationDetails;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestFamily;
import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestSnapshot;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.Workload;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A complete request accepted by intake. Topic: requests; key: tenant id. */
public record RequestSubmitted(
        String requestId,
        RequestType type,
        RequestFamily family,
        RequestQueue queue,
        Customer customer,
        Region region,
        String timeZone,
        Contact requestor,
        List<String> accountTeam,
        List<Workload> workloads,
        boolean getModern,
        boolean engageBeforeLicensePurchase,
        List<String> approvals,
        List<Attachment> attachments,
        BigDecimal fundingAmountUsd,
        MigrationDetails migration,
        InquiryDetails inquiry,
        String justification,
        Instant submittedAt) implements EventData {

    public RequestSubmitted {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(customer.tenantId(), "customer.tenantId");
        Objects.requireNonNull(submittedAt, "submittedAt");
        accountTeam = accountTeam == null ? List.of() : List.copyOf(accountTeam);
        workloads = workloads == null ? List.of() : List.copyOf(workloads);
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    @Override
    public String subject() {
        return customer.tenantId();
    }

    /** The part of the request that travels on with its assignment. */
    public RequestSnapshot snapshot() {
        return new RequestSnapshot(requestId, type, queue, customer, region, timeZone, requestor, accountTeam,
                workloads, getModern, engageBeforeLicensePurchase, fundingAmountUsd, submittedAt);
    }
}
