package io.fasttrack.flow.bench;

import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.UsageReported;
import io.fasttrack.flow.events.kafka.EventHeaders;
import io.fasttrack.flow.events.model.Workload;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes the events the replay benchmark rebuilds health-service's projection from: valid UsageReported
 * envelopes (EventCodec JSON, CloudEvents headers, key = tenant id), exactly as POST /usage publishes them.
 *
 * <p>Shape: {@code tenants} customers x {@code workloads} workloads x as many monthly as-of dates as it takes to
 * reach {@code events}, written date by date like a monthly usage feed. Every report has the same utilization
 * (36 %, inside GROWING with the default thresholds and margin), so a customer's category is set by its first
 * report and then never changes: one HealthCategoryChanged per customer, the rest of the replay is pure projection
 * work (store the report, reread the latest report per workload, reassess). A customer never has more than
 * {@code workloads x dates} stored reports, which keeps the per-event query that reads them bounded.
 */
public final class UsageReplayLoad {

    private static final List<Workload> WORKLOADS = List.of(Workload.EXCHANGE, Workload.TEAMS, Workload.SHAREPOINT,
            Workload.ONEDRIVE, Workload.M365_APPS, Workload.INTUNE, Workload.ENTRA_ID, Workload.SECURITY);

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        String bootstrap = args.get("bootstrap", "127.0.0.1:9092");
        String topic = args.get("topic", "fasttrack.usage");
        long events = args.getLong("events", 1_000_000);
        int tenants = args.getInt("tenants", 25_000);
        int workloads = Math.min(WORKLOADS.size(), args.getInt("workloads", 4));
        String tenantPrefix = args.get("tenant-prefix", "replay-" + Long.toString(System.currentTimeMillis(), 36) + "-");
        String source = args.get("source", "health-service");
        args.rejectUnknown();

        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024));
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(128L * 1024 * 1024));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "fasttrack-bench-replay-load");
        AtomicLong acked = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        LocalDate firstDate = LocalDate.of(2026, 1, 1);
        Instant reportedAt = Instant.now();
        long start = System.nanoTime();
        long written = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            outer:
            for (int month = 0; ; month++) {
                LocalDate asOf = firstDate.plusMonths(month);
                for (int t = 0; t < tenants; t++) {
                    String tenant = tenantPrefix + t;
                    long licensed = 1000 + (t % 50) * 100L;
                    long active = licensed * 36 / 100;
                    for (int w = 0; w < workloads; w++) {
                        if (written >= events) {
                            break outer;
                        }
                        UsageReported report = new UsageReported(tenant, WORKLOADS.get(w), licensed, active, asOf, null, reportedAt);
                        EventEnvelope<UsageReported> envelope = EventEnvelope.of(reportedAt, source, null, null, report);
                        RecordHeaders headers = new RecordHeaders();
                        EventHeaders.write(headers, envelope);
                        producer.send(new ProducerRecord<>(topic, null, tenant, EventCodec.encode(envelope), headers),
                                (metadata, error) -> {
                                    if (error != null) {
                                        failure.compareAndSet(null, error);
                                    } else {
                                        acked.incrementAndGet();
                                    }
                                });
                        written++;
                    }
                }
                if (failure.get() != null) {
                    break;
                }
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failure.get() != null) {
            throw new IllegalStateException("producing to " + topic + " failed after " + acked.get() + " events", failure.get());
        }
        System.out.printf(Locale.ROOT, "produced %d UsageReported events (%d customers x %d workloads x %d monthly dates) "
                + "to %s in %.1f s (%.0f events/s)%n", acked.get(), tenants, workloads,
                (events + (long) tenants * workloads - 1) / ((long) tenants * workloads), topic, seconds, acked.get() / seconds);
    }
}
