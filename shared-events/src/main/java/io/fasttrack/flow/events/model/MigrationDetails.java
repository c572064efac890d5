package io.fasttrack.flow.events.model;

/** Mailbox details of a migration-exception request: how many, from which source environment, and why. */
public record MigrationDetails(Integer mailboxCount, String sourceEnvironment, String businessJustification) {
}
