package io.fasttrack.flow.intake.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The tenant id minted for a customer that has none yet, so discovery data has a home (the seeds' "fake" tenant). */
public final class PlaceholderTenant {

    public static final String PREFIX = "placeholder-";

    private PlaceholderTenant() {
    }

    public static String mint(UUID unique) {
        return PREFIX + unique;
    }

    /** Whether the tenant id is one intake minted (a placeholder may be identified as a real tenant later). */
    public static boolean isPlaceholder(String tenantId) {
        return tenantId != null && tenantId.startsWith(PREFIX);
    }

    /** The placeholder of one request: a request published again (a retry after a 503) names the same one. */
    public static String forRequest(String requestId) {
        return mint(UUID.nameUUIDFromBytes(("placeholder-tenant/" + requestId).getBytes(StandardCharsets.UTF_8)));
    }
}
