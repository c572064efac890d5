package io.fasttrack.flow.events.model;

/** The architect an assignment names, as downstream services need them. */
public record ArchitectRef(String id, String name, ArchitectRole role, Region region, String teamManager) {
}
