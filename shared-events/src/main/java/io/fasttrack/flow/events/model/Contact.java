package io.fasttrack.flow.events.model;

public record Contact(String name, String email) {
}
