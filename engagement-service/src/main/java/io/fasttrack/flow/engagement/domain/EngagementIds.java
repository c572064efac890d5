package io.fasttrack.flow.engagement.domain;

/** Engagement ids follow from the request, so replaying the log rebuilds the same ids. */
public final class EngagementIds {

    private EngagementIds() {
    }

    public static String forRequest(String requestId) {
        return "eng-" + requestId;
    }
}
