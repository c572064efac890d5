package io.fasttrack.flow.events.model;

/** The queue a request is routed to: architects (FTA) or the FastTrack help desk (FTCHelp). */
public enum RequestQueue {
    FTA,
    FTCHELP
}
