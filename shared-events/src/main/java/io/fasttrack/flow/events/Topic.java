package io.fasttrack.flow.events;

/**
 * The topics of FastTrack Flow. Names are configuration: services read them from the config key,
 * whose default lives in {@code META-INF/microprofile-config.properties} of this module.
 */
public enum Topic {
    REQUESTS("fasttrack.topic.requests", "fasttrack.requests"),
    ASSIGNMENTS("fasttrack.topic.assignments", "fasttrack.assignments"),
    ROSTER("fasttrack.topic.roster", "fasttrack.roster"),
    ENGAGEMENTS("fasttrack.topic.engagements", "fasttrack.engagements"),
    USAGE("fasttrack.topic.usage", "fasttrack.usage"),
    HEALTH("fasttrack.topic.health", "fasttrack.health"),
    ALERTS("fasttrack.topic.alerts", "fasttrack.alerts");

    /** Suffix of the dead-letter topic that belongs to every topic. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private final String configKey;
    private final String defaultName;

    Topic(String configKey, String defaultName) {
        this.configKey = configKey;
        this.defaultName = defaultName;
    }

    public String configKey() {
        return configKey;
    }

    public String defaultName() {
        return defaultName;
    }

    public String defaultDeadLetterName() {
        return defaultName + DEAD_LETTER_SUFFIX;
    }
}
