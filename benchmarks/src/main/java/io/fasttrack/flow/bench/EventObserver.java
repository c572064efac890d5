package io.fasttrack.flow.bench;

import io.fasttrack.flow.events.EngagementOpened;
import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.kafka.EventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches the requests, assignments and engagements topics from their current end (a consumer assigned to
 * every partition, no group). An EngagementOpened of this run completes its request: the value is decoded
 * with {@link EventCodec} and its requestId kept for the check against the 202 answer. RequestSubmitted and
 * FtaAssigned only lend their record timestamps, which split the latency into hops.
 */
final class EventObserver implements Runnable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final String engagementsTopic;
    private final String runPrefix;
    private final Map<Integer, Phase> phases = new ConcurrentHashMap<>();
    final LongAdder undecodable = new LongAdder();
    final LongAdder foreign = new LongAdder();
    private volatile boolean running = true;
    private volatile Throwable failure;

    EventObserver(String bootstrap, List<String> topics, String engagementsTopic, String runPrefix) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "fasttrack-bench-observer");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        if (partitions.isEmpty()) {
            throw new IllegalStateException("no partitions found for " + topics);
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the lazy seek now, before the first request goes out
        this.engagementsTopic = engagementsTopic;
        this.runPrefix = runPrefix;
    }

    void register(Phase phase) {
        phases.put(phase.index, phase);
    }

    /** Forgets a finished phase: its late events are ignored, and its slots can be collected. */
    void unregister(Phase phase) {
        phases.remove(phase.index);
    }

    @Override
    public void run() {
        try {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(100));
                long now = System.nanoTime();
                for (ConsumerRecord<String, byte[]> record : records) {
                    handle(record, now);
                }
            }
        } catch (WakeupException stop) {
            // closing
        } catch (Throwable e) {
            failure = e;
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record, long now) {
        String type = header(record, EventHeaders.TYPE);
        String key = record.key();
        if (record.topic().equals(engagementsTopic) && (type == null || type.equals("EngagementOpened"))) {
            EngagementOpened opened;
            try {
                EventEnvelope<EventData> envelope = EventCodec.decode(record.value());
                if (!(envelope.data() instanceof EngagementOpened o)) {
                    return;
                }
                opened = o;
            } catch (RuntimeException e) {
                undecodable.increment();
                return;
            }
            Slot slot = slot(opened.tenantId());
            if (slot != null) {
                slot.phase.open(slot.seq, now, opened.requestId(), record.timestamp());
            }
            return;
        }
        if (type == null || key == null) {
            return;
        }
        Slot slot = slot(key);
        if (slot != null) {
            slot.phase.hop(slot.seq, type, record.timestamp());
        }
    }

    private Slot slot(String tenantId) {
        if (tenantId == null || !tenantId.startsWith(runPrefix)) {
            foreign.increment();
            return null;
        }
        int dash = tenantId.indexOf('-', runPrefix.length());
        if (dash < 0) {
            return null;
        }
        try {
            Phase phase = phases.get(Integer.parseInt(tenantId, runPrefix.length(), dash, 10));
            int seq = Integer.parseInt(tenantId, dash + 1, tenantId.length(), 10);
            return phase == null ? null : new Slot(phase, seq);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    void stop() {
        running = false;
        consumer.wakeup();
    }

    Throwable failure() {
        return failure;
    }

    private record Slot(Phase phase, int seq) {
    }
}
