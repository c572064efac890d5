import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * deploy/local/replay's view of the consumer groups, through one AdminClient per call (a single-file source
 * program: java -cp KAFKA_CLASSPATH deploy/local/ReplayWatch.java ...).
 *
 * <pre>
 * ReplayWatch groups BOOTSTRAP REGEX
 *     the id of every consumer group that matches REGEX (find), one a line
 * ReplayWatch replay BOOTSTRAP GROUP=TOPIC[+TOPIC...][,GROUP=TOPIC[+TOPIC...]...] [TIMEOUT_SECONDS]
 *     rewinds every group to the earliest offset of every partition of its own topics (the groups must be empty: it
 *     waits up to 90 s for the members of a stopped service to leave), prints
 *         rewound consumer group G to the beginning of its topics     (per group)
 *         ready EVENTS                                                 (end minus earliest offsets, summed)
 *     then reads the groups' committed offsets and the topics' end offsets every 100 ms and prints
 *         first-commit EPOCH_MS COMMITTED     the first reading where a group had committed past the rewind point
 *                                             (COMMITTED: the events consumed by then)
 *         caught-up EPOCH_MS CONSUMED         the first reading where every group had committed every partition of
 *                                             its topics to its end offset (CONSUMED: the events consumed in all)
 *     and exits 0; after TIMEOUT_SECONDS (default 1800) without catching up it prints
 *         behind EPOCH_MS REMAINING
 *     and exits 1.
 * </pre>
 *
 * The services commit their offsets every few seconds (the connector's throttled strategy: every
 * auto.commit.interval.ms, 5 s by default), so a committed offset trails the last processed record by up to that
 * interval: the times printed are when the committed offsets said so, to 100 ms. Each group is rewound and watched on
 * its own topics only: a group never moves on a topic it does not read, so waiting for it there would never end.
 */
public class ReplayWatch {

    private static final long POLL_MILLIS = 100;

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || !(args[0].equals("groups") || args[0].equals("replay"))) {
            System.err.println("usage: ReplayWatch groups BOOTSTRAP REGEX | replay BOOTSTRAP GROUP=TOPIC+TOPIC,... [TIMEOUT_SECONDS]");
            System.exit(2);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[1],
                AdminClientConfig.CLIENT_ID_CONFIG, "fasttrack-replay-watch"))) {
            if (args[0].equals("groups")) {
                Pattern pattern = Pattern.compile(args[2]);
                admin.listGroups().all().get(30, TimeUnit.SECONDS).stream().map(GroupListing::groupId)
                        .filter(id -> pattern.matcher(id).find()).sorted().forEach(System.out::println);
                return;
            }
            Map<String, List<String>> topicsByGroup = new LinkedHashMap<>();
            for (String spec : args[2].split(",")) {
                String[] groupAndTopics = spec.split("=", 2);
                if (groupAndTopics.length != 2 || groupAndTopics[1].isBlank()) {
                    System.err.println("not GROUP=TOPIC[+TOPIC...]: " + spec);
                    System.exit(2);
                }
                topicsByGroup.put(groupAndTopics[0], List.of(groupAndTopics[1].split("\\+")));
            }
            long timeoutMillis = TimeUnit.SECONDS.toMillis(args.length > 3 ? Long.parseLong(args[3]) : 1800);
            System.exit(replay(admin, topicsByGroup, timeoutMillis));
        }
    }

    private static int replay(Admin admin, Map<String, List<String>> topicsByGroup, long timeoutMillis)
            throws Exception {
        Map<String, List<TopicPartition>> partitionsByGroup = new LinkedHashMap<>();
        Set<TopicPartition> allPartitions = new LinkedHashSet<>();
        for (var entry : topicsByGroup.entrySet()) {
            List<TopicPartition> partitions = new ArrayList<>();
            admin.describeTopics(entry.getValue()).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, description) ->
                    description.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
            partitionsByGroup.put(entry.getKey(), partitions);
            allPartitions.addAll(partitions);
        }
        Map<TopicPartition, Long> earliest = offsets(admin, allPartitions, OffsetSpec.earliest());
        long rewoundTo = 0;
        for (var entry : partitionsByGroup.entrySet()) {
            String group = entry.getKey();
            Map<TopicPartition, OffsetAndMetadata> rewind = new HashMap<>();
            for (TopicPartition partition : entry.getValue()) {
                rewind.put(partition, new OffsetAndMetadata(earliest.get(partition)));
                rewoundTo += earliest.get(partition);
            }
            long deadline = System.currentTimeMillis() + 90_000;
            while (true) {
                try {
                    admin.alterConsumerGroupOffsets(group, rewind).all().get(30, TimeUnit.SECONDS);
                    break;
                } catch (Exception stillMembers) { // a group with members refuses: the stopped service's may linger
                    if (System.currentTimeMillis() > deadline) {
                        throw new IllegalStateException("cannot rewind consumer group " + group, stillMembers);
                    }
                    Thread.sleep(500);
                }
            }
            System.out.println("rewound consumer group " + group + " to the beginning of "
                    + String.join(", ", topicsByGroup.get(group)));
        }
        Map<TopicPartition, Long> end = offsets(admin, allPartitions, OffsetSpec.latest());
        long toReplay = 0;
        for (List<TopicPartition> partitions : partitionsByGroup.values()) {
            for (TopicPartition partition : partitions) {
                toReplay += end.get(partition) - earliest.get(partition);
            }
        }
        System.out.println("ready " + toReplay);
        System.out.flush();

        long deadline = System.currentTimeMillis() + timeoutMillis;
        boolean firstSeen = false;
        while (true) {
            end = offsets(admin, allPartitions, OffsetSpec.latest());
            long now = System.currentTimeMillis();
            long committed = 0;
            long remaining = 0;
            for (var entry : partitionsByGroup.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(entry.getKey())
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                for (TopicPartition partition : entry.getValue()) {
                    OffsetAndMetadata offset = offsets.get(partition);
                    long at = offset == null ? earliest.get(partition) : offset.offset();
                    committed += at;
                    remaining += Math.max(0, end.get(partition) - at);
                }
            }
            long consumed = committed - rewoundTo;
            if (!firstSeen && consumed > 0) {
                firstSeen = true;
                System.out.println("first-commit " + now + " " + consumed);
            }
            if (remaining == 0) {
                if (!firstSeen) {
                    System.out.println("first-commit " + now + " " + consumed);
                }
                System.out.println("caught-up " + now + " " + consumed);
                return 0;
            }
            if (now > deadline) {
                System.out.println("behind " + now + " " + remaining);
                return 1;
            }
            System.out.flush();
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, Collection<TopicPartition> partitions, OffsetSpec spec)
            throws Exception {
        Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(request).all().get(30, TimeUnit.SECONDS)
                .forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }
}
