import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * ReplayWatch replay BOOTSTRAP GROUP[,GROUP...] TOPIC[,TOPIC...] [TIMEOUT_SECONDS]
 *     rewinds every group to the earliest offset of every partition of the topics (the groups must be empty: it
 *     waits up to 90 s for the members of a stopped service to leave), prints
 *         rewound consumer group G to the beginning of its topics     (per group)
 *         ready EVENTS                                                 (end minus earliest offsets, summed)
 *     then reads the groups' committed offsets and the topics' end offsets every 100 ms and prints
 *         first-commit EPOCH_MS COMMITTED     the first reading where a group had committed past the rewind point
 *                                             (COMMITTED: the events consumed by then)
 *         caught-up EPOCH_MS CONSUMED         the first reading where every group had committed every partition to
 *                                             its end offset (CONSUMED: the events consumed in all)
 *     and exits 0; after TIMEOUT_SECONDS (default 1800) without catching up it prints
 *         behind EPOCH_MS REMAINING
 *     and exits 1.
 * </pre>
 *
 * The services commit their offsets every few seconds (the connector's throttled strategy: every
 * auto.commit.interval.ms, 5 s by default), so a committed offset trails the last processed record by up to that
 * interval: the times printed are when the committed offsets said so, to 100 ms.
 */
public class ReplayWatch {

    private static final long POLL_MILLIS = 100;

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || !(args[0].equals("groups") || args[0].equals("replay") && args.length >= 4)) {
            System.err.println("usage: ReplayWatch groups BOOTSTRAP REGEX | replay BOOTSTRAP GROUPS TOPICS [TIMEOUT_SECONDS]");
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
            List<String> groups = List.of(args[2].split(","));
            List<String> topics = List.of(args[3].split(","));
            long timeoutMillis = TimeUnit.SECONDS.toMillis(args.length > 4 ? Long.parseLong(args[4]) : 1800);
            System.exit(replay(admin, groups, topics, timeoutMillis));
        }
    }

    private static int replay(Admin admin, List<String> groups, List<String> topics, long timeoutMillis) throws Exception {
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, description) ->
                description.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
        Map<TopicPartition, Long> earliest = offsets(admin, partitions, OffsetSpec.earliest());
        Map<TopicPartition, OffsetAndMetadata> rewind = new HashMap<>();
        earliest.forEach((partition, offset) -> rewind.put(partition, new OffsetAndMetadata(offset)));
        for (String group : groups) {
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
            System.out.println("rewound consumer group " + group + " to the beginning of its topics");
        }
        long perGroup = 0;
        Map<TopicPartition, Long> end = offsets(admin, partitions, OffsetSpec.latest());
        for (TopicPartition partition : partitions) {
            perGroup += end.get(partition) - earliest.get(partition);
        }
        long rewoundTo = groups.size() * earliest.values().stream().mapToLong(Long::longValue).sum();
        System.out.println("ready " + groups.size() * perGroup);
        System.out.flush();

        long deadline = System.currentTimeMillis() + timeoutMillis;
        boolean firstSeen = false;
        while (true) {
            end = offsets(admin, partitions, OffsetSpec.latest());
            long now = System.currentTimeMillis();
            long committed = 0;
            long remaining = 0;
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                for (TopicPartition partition : partitions) {
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

    private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
            throws Exception {
        Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(request).all().get(30, TimeUnit.SECONDS)
                .forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }
}
