package io.fasttrack.flow.intake.domain;

import io.fasttrack.flow.events.model.RequestFamily;
import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestType;

/** Where a request type belongs (SPEC section 2): its family and the queue that serves it. */
public final class RequestRouting {

    private RequestRouting() {
    }

    public static RequestFamily familyOf(RequestType type) {
        return switch (type) {
            case DISCOVERY_WORKSHOP, ECIF_DWR_REVIEW -> RequestFamily.FUNDING;
            case MIGRATION_EXCEPTION -> RequestFamily.MIGRATION_EXCEPTION;
            case LAND_FTC_BENEFIT, SALES_SUPPORT_INQUIRY, ENGAGE_BEFORE_LICENSE -> RequestFamily.NON_FUNDING;
        };
    }

    public static RequestQueue queueOf(RequestType type) {
        return familyOf(type) == RequestFamily.NON_FUNDING ? RequestQueue.FTCHELP : RequestQueue.FTA;
    }
}
