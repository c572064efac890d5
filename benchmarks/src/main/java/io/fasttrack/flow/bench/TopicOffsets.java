package io.fasttrack.flow.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * The sum of the end offsets of every topic whose name starts with a prefix (how many events the system has
 * written), and how far the consumers are behind them.
 */
final class TopicOffsets implements AutoCloseable {

    private final Admin admin;
    private final String prefix;

    TopicOffsets(String bootstrap, String prefix) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "fasttrack-bench-offsets");
        admin = Admin.create(props);
        this.prefix = prefix;
    }

    /** End offset per topic (summed over its partitions). */
    Map<String, Long> endOffsets() {
        try {
            var names = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(name -> name.startsWith(prefix)).collect(Collectors.toSet());
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, description) ->
                    description.partitions().forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            Map<String, Long> perTopic = new java.util.TreeMap<>();
            admin.listOffsets(request).all().get(30, TimeUnit.SECONDS)
                    .forEach((tp, info) -> perTopic.merge(tp.topic(), info.offset(), Long::sum));
            return perTopic;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read end offsets of " + prefix + "* topics", e);
        }
    }

    /**
     * How many records of these topics the stack's consumer groups (those with members now) have yet to consume:
     * per group and partition, the end offset minus the group's committed offset.
     */
    long consumerLag() {
        try {
            List<String> groups = admin.listGroups().all().get(30, TimeUnit.SECONDS).stream()
                    .filter(group -> group.groupState().map(state -> state == GroupState.STABLE).orElse(false))
                    .map(GroupListing::groupId).toList();
            Map<TopicPartition, Long> committed = new HashMap<>();
            long lag = 0;
            for (String group : groups) {
                committed.clear();
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                        .forEach((partition, offset) -> {
                            if (partition.topic().startsWith(prefix) && offset != null) {
                                committed.put(partition, offset.offset());
                            }
                        });
                if (committed.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, OffsetSpec> request = new HashMap<>();
                committed.keySet().forEach(partition -> request.put(partition, OffsetSpec.latest()));
                for (var end : admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).entrySet()) {
                    lag += Math.max(0, end.getValue().offset() - committed.get(end.getKey()));
                }
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the consumer lag on " + prefix + "* topics", e);
        }
    }

    static long total(Map<String, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Per-topic growth between two snapshots, topics that did not grow left out. */
    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new java.util.TreeMap<>();
        after.forEach((topic, end) -> {
            long grown = end - before.getOrDefault(topic, 0L);
            if (grown != 0) {
                delta.put(topic, grown);
            }
        });
        return delta;
    }

    @Override
    public void close() {
        admin.close();
    }
}
