package io.fasttrack.flow.intake.domain;

import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.events.model.Attachment;
import io.fasttrack.flow.events.model.Contact;
import io.fasttrack.flow.events.model.Customer;
import io.fasttrack.flow.events.model.InquiryDetails;
import io.fasttrack.flow.events.model.MigrationDetails;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.Segment;
import io.fasttrack.flow.events.model.Workload;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A complete, valid request as the submitter sent it, before intake gave it an id.
 *
 * @param tenantId null when the submitter did not know the customer's tenant
 */
public record RequestSubmission(
        RequestType type,
        String tenantId,
        String customerName,
        Segment segment,
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
        String justification) {

    public RequestSubmission {
        accountTeam = List.copyOf(accountTeam);
        workloads = List.copyOf(workloads);
        approvals = List.copyOf(approvals);
        attachments = List.copyOf(attachments);
    }

    public boolean hasTenant() {
        return tenantId != null;
    }

    /**
     * The event that announces this request.
     *
     * @param placeholderTenantId used (and marked as a placeholder) only when the submission has no tenant id
     */
    public RequestSubmitted toEvent(String requestId, String placeholderTenantId, Instant submittedAt) {
        Customer customer = hasTenant()
                ? new Customer(tenantId, customerName, segment, false)
                : new Customer(placeholderTenantId, customerName, segment, true);
        return new RequestSubmitted(requestId, type, RequestRouting.familyOf(type), RequestRouting.queueOf(type),
                customer, region, timeZone, requestor, accountTeam, workloads, getModern, engageBeforeLicensePurchase,
                approvals, attachments, fundingAmountUsd, migration, inquiry, justification, submittedAt);
    }
}
