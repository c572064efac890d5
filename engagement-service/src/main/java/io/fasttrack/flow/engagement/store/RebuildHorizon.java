package io.fasttrack.flow.engagement.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Where history ends on one partition of an input topic: the partition's end offset when a rebuild began. */
@Entity
@Table(name = "rebuild_horizon")
public class RebuildHorizon extends PanacheEntityBase {

    @Id
    public String id;
    public String topic;
    @Column(name = "partition_no")
    public int partition;
    @Column(name = "end_offset")
    public long endOffset;
    @Column(name = "recorded_at")
    public Instant recordedAt;

    /** The end offset of each partition of the topic, as recorded; empty when no rebuild began in this database. */
    public static Map<Integer, Long> of(String topic) {
        List<RebuildHorizon> partitions = list("topic", topic);
        return partitions.stream().collect(Collectors.toUnmodifiableMap(horizon -> horizon.partition, horizon -> horizon.endOffset));
    }

    /** Whether this database has applied no event at all yet: it is new, or was set aside for a replay. */
    public static boolean nothingApplied() {
        return getEntityManager().createNativeQuery("select event_id from processed_event").setMaxResults(1)
                .getResultList().isEmpty();
    }

    public static void record(String topic, Map<Integer, Long> endOffsets, Instant at) {
        endOffsets.forEach((partition, endOffset) -> {
            RebuildHorizon horizon = new RebuildHorizon();
            horizon.id = topic + "/" + partition;
            horizon.topic = topic;
            horizon.partition = partition;
            horizon.endOffset = endOffset;
            horizon.recordedAt = at;
            horizon.persist();
        });
    }
}
