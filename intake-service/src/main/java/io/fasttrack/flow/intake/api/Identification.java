package io.fasttrack.flow.intake.api;

/** A placeholder tenant and the real tenant it is identified as: the answer of {@code POST /tenants/{id}/identify}. */
public record Identification(String placeholderId, String tenantId) {
}
