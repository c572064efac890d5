package io.fasttrack.flow.kit.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses to start a service whose Kafka producer may deliver a record after the change that published it gave
 * up waiting ({@code fasttrack.events.ack-timeout}) and rolled back: the change then comes again and publishes its
 * events a second time. The producer's {@code delivery.timeout.ms} (the client's default is 120 s) must end before
 * the wait does, so that a rolled-back change's records fail in the producer instead of reaching the topic later.
 */
@ApplicationScoped
public class ProducerTimeouts {

    static final String PREFIX = "mp.messaging.outgoing.";
    static final String CONNECTOR_DEFAULT = "mp.messaging.connector.smallrye-kafka.delivery.timeout.ms";
    static final long CLIENT_DEFAULT_MS = 120_000;

    void onStart(@Observes StartupEvent start, KitSettings settings) {
        List<String> unsafe = unsafeChannels(ConfigProvider.getConfig(), settings.ackTimeout());
        if (!unsafe.isEmpty()) {
            throw new IllegalStateException("a Kafka producer outlives the wait for its acks (fasttrack.events.ack-timeout="
                    + settings.ackTimeout() + "): " + String.join("; ", unsafe));
        }
    }

    /** Each outgoing Kafka channel whose delivery timeout is not shorter than {@code ackTimeout}, with its value. */
    static List<String> unsafeChannels(Config config, Duration ackTimeout) {
        TreeSet<String> channels = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX) && name.endsWith(".connector")
                    && "smallrye-kafka".equals(config.getOptionalValue(name, String.class).orElse(null))) {
                channels.add(name.substring(PREFIX.length(), name.length() - ".connector".length()));
            }
        }
        long connectorDefault = config.getOptionalValue(CONNECTOR_DEFAULT, Long.class).orElse(CLIENT_DEFAULT_MS);
        List<String> unsafe = new ArrayList<>();
        for (String channel : channels) {
            Optional<Long> own = config.getOptionalValue(PREFIX + channel + ".delivery.timeout.ms", Long.class);
            long deliveryMs = own.orElse(connectorDefault);
            if (deliveryMs >= ackTimeout.toMillis()) {
                unsafe.add(PREFIX + channel + ".delivery.timeout.ms is " + deliveryMs + " ms");
            }
        }
        return unsafe;
    }
}
