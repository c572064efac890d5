package io.fasttrack.flow.intake.domain;

import java.util.UUID;

/** The tenant id minted for a customer that has none yet, so discovery data has a home (the seeds' "fake" tenant). */
public final class PlaceholderTenant {

    public static final String PREFIX = "placeholder-";

    private PlaceholderTenant() {
    }

    public static String mint(UUID unique) {
        return PREFIX + unique;
    }
}
