package io.fasttrack.flow.intake.domain;

import java.util.regex.Pattern;

/** What intake takes as a tenant id, wherever it reads one: a submission's customer, an identified placeholder. */
public final class TenantIds {

    public static final String FORM = "must be 1 to 100 letters, digits or . _ : - starting with a letter or digit";
    private static final Pattern WELL_FORMED = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$");

    private TenantIds() {
    }

    public static boolean wellFormed(String tenantId) {
        return WELL_FORMED.matcher(tenantId).matches();
    }
}
