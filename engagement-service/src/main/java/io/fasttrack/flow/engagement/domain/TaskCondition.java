package io.fasttrack.flow.engagement.domain;

import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestSnapshot;
import io.fasttrack.flow.events.model.RequestType;
import java.math.BigDecimal;
import java.util.Set;

/**
 * When a catalogue task applies to a request. Every condition that is set must hold; an unset one
 * (null, or an empty type set) matches any request.
 *
 * @param queue                       the request's queue
 * @param requestTypes                the request's type is one of these
 * @param engageBeforeLicensePurchase the request's flag has this value
 * @param minFundingUsd               the request's funding amount is at least this
 */
public record TaskCondition(RequestQueue queue, Set<RequestType> requestTypes, Boolean engageBeforeLicensePurchase,
        BigDecimal minFundingUsd) {

    public TaskCondition {
        requestTypes = requestTypes == null ? Set.of() : Set.copyOf(requestTypes);
    }

    public boolean matches(RequestSnapshot request) {
        if (queue != null && queue != Queues.of(request)) {
            return false;
        }
        if (!requestTypes.isEmpty() && !requestTypes.contains(request.type())) {
            return false;
        }
        if (engageBeforeLicensePurchase != null && engageBeforeLicensePurchase != request.engageBeforeLicensePurchase()) {
            return false;
        }
        return minFundingUsd == null
                || request.fundingAmountUsd() != null && request.fundingAmountUsd().compareTo(minFundingUsd) >= 0;
    }
}
