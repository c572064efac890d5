package io.fasttrack.flow.events.model;

/**
 * @param placeholderTenant true when the requestor had no tenant id and intake minted one
 */
public record Customer(String tenantId, String name, Segment segment, boolean placeholderTenant) {
}
