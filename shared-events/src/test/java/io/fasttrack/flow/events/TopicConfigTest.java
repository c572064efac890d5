package io.fasttrack.flow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Topic names live once: the {@link Topic} defaults are those of META-INF/microprofile-config.properties. */
class TopicConfigTest {

    private static Properties config() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TopicConfigTest.class.getClassLoader()
                .getResourceAsStream("META-INF/microprofile-config.properties")) {
            assertThat(in).as("META-INF/microprofile-config.properties on the classpath").isNotNull();
            properties.load(in);
        }
        return properties;
    }

    @Test
    void theTopicDefaultsAreTheConfigDefaults() throws IOException {
        Properties config = config();
        Map<String, String> fromConfig = config.stringPropertyNames().stream()
                .collect(Collectors.toMap(key -> key, config::getProperty));
        Map<String, String> fromEnum = Arrays.stream(Topic.values())
                .collect(Collectors.toMap(Topic::configKey, Topic::defaultName));

        assertThat(fromConfig).isEqualTo(fromEnum);
    }

    @Test
    void theDefaultsAreThoseOfTheSpec() {
        assertThat(Arrays.stream(Topic.values()).map(Topic::defaultName)).containsExactly(
                "fasttrack.requests", "fasttrack.assignments", "fasttrack.roster", "fasttrack.engagements",
                "fasttrack.usage", "fasttrack.health", "fasttrack.alerts");
        for (Topic topic : Topic.values()) {
            assertThat(topic.configKey()).isEqualTo("fasttrack.topic." + topic.name().toLowerCase());
            assertThat(topic.defaultDeadLetterName()).isEqualTo(topic.defaultName() + ".dlq");
        }
    }

    @Test
    void everyTopicCarriesSomeEvent() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::topic).distinct())
                .containsExactlyInAnyOrder(Topic.values());
    }

    @Test
    void rosterEventsAreKeyedByArchitectTenantIdentifiedByThePlaceholderAndTheOthersByTenant() {
        for (EventType type : EventType.values()) {
            EventEnvelope<?> sample = EventSamples.of(type);
            String expectedKey = type.topic() == Topic.ROSTER ? EventSamples.ARCHITECT_ID
                    : type == EventType.TENANT_IDENTIFIED ? EventSamples.PLACEHOLDER_ID : EventSamples.TENANT;
            assertThat(sample.subject()).as("subject of %s", type).isEqualTo(expectedKey);
        }
    }
}
