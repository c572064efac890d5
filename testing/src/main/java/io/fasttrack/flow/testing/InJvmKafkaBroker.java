package io.fasttrack.flow.testing;

import io.fasttrack.flow.events.Topic;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;

/**
 * A real single-node KRaft Kafka broker inside the test JVM, started once and shared by every test
 * class and every test profile of the JVM. Creates every FastTrack topic and its dead-letter topic, keeping their history as
 * {@code deploy/local/start} does.
 *
 * <p>Use it with {@code @QuarkusTestResource(InJvmKafkaBroker.class)}; it points
 * {@code kafka.bootstrap.servers} at the broker.
 */
public class InJvmKafkaBroker implements QuarkusTestResourceLifecycleManager {

    public static final int PARTITIONS = 3;

    /**
     * Every {@code @TestProfile} restarts Quarkus in a class loader of its own, where this class and its
     * static state are loaded afresh; the JVM's system properties are what they all share.
     */
    private static final String SHARED_BOOTSTRAP = "fasttrack.testing.kafka-bootstrap";

    private static KafkaClusterTestKit cluster;

    /** Starts the broker on first use in this JVM and returns its bootstrap address. */
    public static String bootstrapServers() {
        synchronized (System.getProperties()) {
            String running = System.getProperty(SHARED_BOOTSTRAP);
            if (running == null) {
                running = startOnce();
                System.setProperty(SHARED_BOOTSTRAP, running);
            }
            return running;
        }
    }

    private static synchronized String startOnce() {
        if (cluster == null) {
            Exit.setHaltProcedure(InJvmKafkaBroker::haltUnlessShuttingDown);
            cluster = startCluster();
            Runtime.getRuntime().addShutdownHook(new Thread(InJvmKafkaBroker::stopBroker, "in-jvm-kafka-stop"));
            createTopics(cluster.bootstrapServers());
        }
        return cluster.bootstrapServers();
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // the broker is shared by every Quarkus application this JVM starts; it stops with the JVM
    }

    /** Creates extra topics a test needs, with the same settings as the FastTrack topics. */
    public static void createTopics(String bootstrap, String... names) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String name : names) {
                topics.add(new NewTopic(name, PARTITIONS, (short) 1).configs(Map.of("retention.ms", "-1")));
            }
            admin.createTopics(topics).values().values().forEach(InJvmKafkaBroker::awaitCreated);
        }
    }

    private static void createTopics(String bootstrap) {
        List<String> names = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            names.add(topic.defaultName());
            names.add(topic.defaultDeadLetterName());
        }
        createTopics(bootstrap, names.toArray(String[]::new));
    }

    private static void awaitCreated(org.apache.kafka.common.KafkaFuture<Void> creation) {
        try {
            creation.get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic", e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static KafkaClusterTestKit startCluster() {
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build();
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "3")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", String.valueOf(PARTITIONS))
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            return kit;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the in-JVM Kafka broker", e);
        }
    }

    /**
     * The broker's temporary log directories are deleted by a shutdown hook of their own while the broker
     * is still stopping; it then finds them gone and halts the JVM with status 1, failing the test fork
     * after every test passed. A halt while the JVM is already shutting down is ignored; any other happens.
     */
    private static void haltUnlessShuttingDown(int status, String message) {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
        } catch (IllegalStateException alreadyShuttingDown) {
            return;
        }
        Runtime.getRuntime().halt(status);
    }

    private static synchronized void stopBroker() {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception e) {
                // the JVM is going away; nothing useful to do with a failed close
            }
            cluster = null;
        }
    }
}
