package io.fasttrack.flow.events.model;

public enum Segment {
    S500,
    S1500,
    OTHER
}
