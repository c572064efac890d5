package io.fasttrack.flow.events.model;

public record Attachment(AttachmentKind kind, String name, String uri) {
}
