package io.fasttrack.flow.engagement.domain;

import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestSnapshot;
import io.fasttrack.flow.events.model.RequestType;

/** The queue of a request: as the snapshot says, or as SPEC section 2 routes its type when the snapshot does not say. */
public final class Queues {

    private Queues() {
    }

    public static RequestQueue of(RequestSnapshot request) {
        return request.queue() != null ? request.queue() : of(request.type());
    }

    public static RequestQueue of(RequestType type) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case DISCOVERY_WORKSHOP, ECIF_DWR_REVIEW, MIGRATION_EXCEPTION -> RequestQueue.FTA;
            case LAND_FTC_BENEFIT, SALES_SUPPORT_INQUIRY, ENGAGE_BEFORE_LICENSE -> RequestQueue.FTCHELP;
        };
    }
}
