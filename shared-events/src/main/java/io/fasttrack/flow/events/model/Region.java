package io.fasttrack.flow.events.model;

public enum Region {
    AMER,
    EMEA,
    APAC
}
