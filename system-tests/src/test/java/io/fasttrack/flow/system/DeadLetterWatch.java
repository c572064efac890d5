package io.fasttrack.flow.system;

import io.fasttrack.flow.events.Topic;
import io.fasttrack.flow.system.LocalStack.Service;
import io.fasttrack.flow.testing.EventStreams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * What the stack dead-lettered after a mark. A consumer writes a dead letter before it commits past the record
 * that caused it, so once every service's consumer group has read every topic to its end, the dead-letter
 * topics hold every permanent failure of what came before: reading them earlier could miss one still coming.
 */
final class DeadLetterWatch implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final String bootstrap;
    private final Admin admin;
    private final Map<TopicPartition, Long> mark;

    private DeadLetterWatch(String bootstrap) {
        this.bootstrap = bootstrap;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        this.mark = endOffsets(deadLetterPartitions());
    }

    /** Marks the end of every dead-letter topic now. */
    static DeadLetterWatch mark(LocalStack stack) {
        return new DeadLetterWatch(stack.kafkaBootstrap());
    }

    /**
     * Waits until every service's consumer group is stable and has nothing left to read, then answers each
     * record added to a dead-letter topic since the mark as {@code topic key: reason}.
     */
    List<String> deadLettersSinceMark(Duration patience) {
        Awaitility.await("every service's consumers read every topic to its end").atMost(patience)
                .pollInterval(Duration.ofSeconds(1)).until(this::consumersCaughtUp);
        List<String> deadLetters = new ArrayList<>();
        Map<TopicPartition, Long> end = endOffsets(mark.keySet());
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            mark.forEach((partition, from) -> {
                for (ConsumerRecord<String, byte[]> record : read(consumer, partition, from, end.get(partition),
                        Integer.MAX_VALUE)) {
                    deadLetters.add(record.topic() + " " + record.key() + ": "
                            + EventStreams.header(record, "dead-letter-reason"));
                }
            });
        }
        return deadLetters;
    }

    private boolean consumersCaughtUp() {
        Set<String> groups = Arrays.stream(Service.values()).map(Service::directory).collect(Collectors.toSet());
        Map<String, ConsumerGroupDescription> described = get(admin.describeConsumerGroups(groups).all());
        if (described.values().stream().anyMatch(group -> group.groupState() != GroupState.STABLE)) {
            return false;
        }
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            for (ConsumerGroupDescription group : described.values()) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        get(admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata());
                // a partition the group reads but never committed on is read from its beginning
                Set<TopicPartition> partitions = new HashSet<>(committed.keySet());
                group.members().forEach(member -> partitions.addAll(member.assignment().topicPartitions()));
                Map<TopicPartition, Long> end = endOffsets(partitions);
                for (TopicPartition partition : partitions) {
                    OffsetAndMetadata offset = committed.get(partition);
                    long from = offset == null ? 0 : offset.offset();
                    long to = end.get(partition);
                    // what lies between may be transaction markers only, which no consumer ever commits past
                    if (from < to && !read(consumer, partition, from, to, 1).isEmpty()) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private Set<TopicPartition> deadLetterPartitions() {
        List<String> topics = Arrays.stream(Topic.values()).map(Topic::defaultDeadLetterName).toList();
        return get(admin.describeTopics(topics).allTopicNames()).values().stream()
                .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                .collect(Collectors.toSet());
    }

    private Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, Long> end = new HashMap<>();
        get(admin.listOffsets(latest).all()).forEach((partition, info) -> end.put(partition, info.offset()));
        return end;
    }

    /**
     * Up to {@code atMost} records of one partition from one offset up to (not including) another; committed
     * records only, so transaction markers and aborted records are not among them.
     */
    private static List<ConsumerRecord<String, byte[]>> read(KafkaConsumer<String, byte[]> consumer,
            TopicPartition partition, long from, long to, int atMost) {
        consumer.assign(List.of(partition));
        consumer.seek(partition, from);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (records.size() < atMost && consumer.position(partition) < to && System.nanoTime() < deadline) {
            consumer.poll(POLL).records(partition).stream().filter(record -> record.offset() < to)
                    .limit(atMost - records.size()).forEach(records::add);
        }
        return records;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not answer an admin request", e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
