package io.fasttrack.flow.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class ProducerTimeoutsTest {

    private static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100)).build();
    }

    @Test
    void aKafkaProducerWithTheClientsDefaultDeliveryTimeoutOutlivesATenSecondWait() {
        Config config = config(Map.of(
                "mp.messaging.outgoing.decisions-out.connector", "smallrye-kafka",
                "mp.messaging.outgoing.mails-out.connector", "smallrye-kafka",
                "mp.messaging.outgoing.mails-out.delivery.timeout.ms", "8000",
                "mp.messaging.incoming.events-in.connector", "smallrye-kafka",
                "mp.messaging.incoming.events-in.delivery.timeout.ms", "60000"));

        assertThat(ProducerTimeouts.unsafeChannels(config, Duration.ofSeconds(10)))
                .containsExactly("mp.messaging.outgoing.decisions-out.delivery.timeout.ms is 120000 ms");
    }

    @Test
    void theConnectorsDefaultAppliesToChannelsWithoutTheirOwn() {
        Config config = config(Map.of(
                "mp.messaging.connector.smallrye-kafka.delivery.timeout.ms", "9000",
                "mp.messaging.outgoing.decisions-out.connector", "smallrye-kafka",
                "mp.messaging.outgoing.roster-out.connector", "smallrye-kafka",
                "mp.messaging.outgoing.roster-out.delivery.timeout.ms", "12000",
                "mp.messaging.outgoing.in-memory-out.connector", "smallrye-in-memory"));

        assertThat(ProducerTimeouts.unsafeChannels(config, Duration.ofSeconds(10)))
                .containsExactly("mp.messaging.outgoing.roster-out.delivery.timeout.ms is 12000 ms");
        assertThat(ProducerTimeouts.unsafeChannels(config, Duration.ofSeconds(13))).isEmpty();
    }
}
