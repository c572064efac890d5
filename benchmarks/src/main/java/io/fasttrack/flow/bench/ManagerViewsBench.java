package io.fasttrack.flow.bench;

import io.fasttrack.flow.events.AssignmentSlaBreached;
import io.fasttrack.flow.events.CustomerContractRecorded;
import io.fasttrack.flow.events.CustomerOwnerAssigned;
import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.UsageReported;
import io.fasttrack.flow.events.kafka.EventHeaders;
import io.fasttrack.flow.events.model.ArchitectRef;
import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.Contact;
import io.fasttrack.flow.events.model.Customer;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestSnapshot;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.Segment;
import io.fasttrack.flow.events.model.Workload;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * The managers' views at scale (issue 17): writes a portfolio of {@code customers} customers with
 * {@code engagements-per-customer} FTA engagements each (FtaAssigned events, opened over the past 180 days, that
 * engagement-service opens as it would live), two workloads of usage per customer, a FastTrack Manager and a
 * contract with a renewal in the next two years per customer, and an SLA breach for one customer in ten; waits
 * until every consumer has caught up; then times each view answered from the projections (compliance, portfolio,
 * renewals, alerts), {@code calls} times after {@code warmup} untimed calls, and prints and writes the median and
 * p95 of each.
 */
public final class ManagerViewsBench {

    private static final int ARCHITECTS = 500;
    private static final int TEAM_MANAGERS = 50;
    private static final int FASTTRACK_MANAGERS = 200;
    private static final Region[] REGIONS = Region.values();

    private final Args args;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final Instant now = Instant.now();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    private ManagerViewsBench(Args args) {
        this.args = args;
    }

    public static void main(String[] argv) throws Exception {
        new ManagerViewsBench(Args.parse(argv)).run();
    }

    private void run() throws Exception {
        String bootstrap = args.get("bootstrap", "127.0.0.1:9092");
        String assignments = args.get("topic-assignments", "fasttrack.assignments");
        String usage = args.get("topic-usage", "fasttrack.usage");
        String health = args.get("topic-health", "fasttrack.health");
        String engagementBase = args.get("engagement", "http://127.0.0.1:8083");
        String healthBase = args.get("health", "http://127.0.0.1:8084");
        String authorization = "Bearer " + args.get("token", "");
        int customers = args.getInt("customers", 100_000);
        int perCustomer = args.getInt("engagements-per-customer", 3);
        int calls = args.getInt("calls", 30);
        int warmup = args.getInt("warmup", 5);
        Duration catchUpLimit = args.getDuration("catch-up-limit", Duration.ofMinutes(30));
        String summary = args.get("summary", null);
        args.rejectUnknown();

        long started = System.nanoTime();
        produce(bootstrap, assignments, usage, health, customers, perCustomer);
        System.out.printf(Locale.ROOT, "produced %d events for %d customers and %d engagements in %.1f s%n", acked.get(),
                customers, (long) customers * perCustomer, (System.nanoTime() - started) / 1e9);

        long waitStarted = System.nanoTime();
        try (TopicOffsets offsets = new TopicOffsets(bootstrap, "fasttrack.")) {
            long deadline = System.nanoTime() + catchUpLimit.toNanos();
            long lag;
            while ((lag = offsets.consumerLag()) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the consumers are still " + lag + " records behind after " + catchUpLimit);
                }
                Thread.sleep(2_000);
            }
        }
        System.out.printf(Locale.ROOT, "the projections caught up %.1f s after the last event was written%n",
                (System.nanoTime() - waitStarted) / 1e9);

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String quarterAgo = LocalDate.now(ZoneOffset.UTC).minusDays(90).toString();
        Map<String, String> views = new LinkedHashMap<>();
        views.put("compliance", engagementBase + "/compliance");
        views.put("compliance_team", engagementBase + "/compliance?teamManager=tm-7");
        views.put("compliance_period", engagementBase + "/compliance?from=" + quarterAgo + "&to=" + today);
        views.put("portfolio_fasttrack_manager", healthBase + "/portfolio?groupBy=fastTrackManager");
        views.put("portfolio_region", healthBase + "/portfolio?groupBy=region");
        views.put("renewals", healthBase + "/renewals?within=P90D");
        views.put("renewals_fasttrack_manager", healthBase + "/renewals?within=P90D&fastTrackManager=fm-3");
        views.put("alerts", healthBase + "/alerts");
        views.put("alerts_filtered", healthBase + "/alerts?kind=SLA_BREACH&region=EMEA");

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Properties figures = new Properties();
        for (Map.Entry<String, String> view : views.entrySet()) {
            List<Double> millis = new ArrayList<>();
            int bytes = 0;
            for (int i = 0; i < warmup + calls; i++) {
                long start = System.nanoTime();
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(view.getValue()))
                        .header("Authorization", authorization).header("Accept", "application/json")
                        .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
                double elapsed = (System.nanoTime() - start) / 1e6;
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("GET " + view.getValue() + " answered " + answer.statusCode() + ": "
                            + answer.body().substring(0, Math.min(500, answer.body().length())));
                }
                bytes = answer.body().length();
                if (i >= warmup) {
                    millis.add(elapsed);
                }
            }
            millis.sort(Double::compare);
            double median = Stats.median(millis);
            double p95 = millis.get(Math.min(millis.size() - 1, (int) Math.ceil(millis.size() * 0.95) - 1));
            figures.setProperty("managers." + view.getKey() + ".median_ms", String.format(Locale.ROOT, "%.1f", median));
            figures.setProperty("managers." + view.getKey() + ".p95_ms", String.format(Locale.ROOT, "%.1f", p95));
            System.out.printf(Locale.ROOT, "  %-30s median %7.1f ms, p95 %7.1f ms (%d calls, answer %d bytes)  GET %s%n",
                    view.getKey(), median, p95, calls, bytes, view.getValue());
        }
        if (summary != null) {
            try (var out = Files.newBufferedWriter(Path.of(summary))) {
                figures.store(out, "ManagerViewsBench, " + customers + " customers, " + (long) customers * perCustomer
                        + " engagements");
            } catch (IOException e) {
                throw new IllegalStateException("cannot write " + summary, e);
            }
        }
    }

    private void produce(String bootstrap, String assignments, String usage, String health, int customers,
            int perCustomer) throws InterruptedException {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024));
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(128L * 1024 * 1024));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "fasttrack-bench-manager-views");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (int c = 0; c < customers && failure.get() == null; c++) {
                String tenant = "views-" + run + "-" + c;
                Region region = REGIONS[c % REGIONS.length];
                for (int e = 0; e < perCustomer; e++) {
                    send(producer, assignments, "bench-manager-views", assigned(tenant, c, e, region, perCustomer));
                }
                long licensed = 1_000 + (c % 40) * 250L;
                send(producer, usage, "bench-manager-views", new UsageReported(tenant, Workload.EXCHANGE, licensed,
                        licensed * (c % 97) / 100, LocalDate.now(ZoneOffset.UTC).minusDays(1), null, now));
                send(producer, usage, "bench-manager-views", new UsageReported(tenant, Workload.TEAMS, licensed,
                        licensed * ((c * 7) % 89) / 100, LocalDate.now(ZoneOffset.UTC).minusDays(1), null, now));
                send(producer, health, "health-service", new CustomerOwnerAssigned(tenant, "fm-" + (c % FASTTRACK_MANAGERS),
                        null, "bench-manager-views", now));
                send(producer, health, "health-service", new CustomerContractRecorded(tenant,
                        LocalDate.now(ZoneOffset.UTC).plusDays(1 + c % 730), LocalDate.now(ZoneOffset.UTC).minusDays(c % 365),
                        "bench-manager-views", now));
                if (c % 10 == 0) {
                    send(producer, assignments, "assignment-service", new AssignmentSlaBreached("views-" + run + "-breach-" + c,
                            tenant, RequestQueue.FTA, ArchitectRole.ALIGNMENT_FTA, "tm-" + (c % TEAM_MANAGERS),
                            now.minus(1, ChronoUnit.DAYS), now, region));
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("producing failed after " + acked.get() + " events", failure.get());
        }
    }

    private FtaAssigned assigned(String tenant, int customer, int nth, Region region, int perCustomer) {
        String requestId = "views-" + run + "-" + customer + "-" + nth;
        int architect = (customer * perCustomer + nth) % ARCHITECTS;
        ArchitectRef ref = new ArchitectRef("fta-views-" + architect, "Architect " + architect, ArchitectRole.ALIGNMENT_FTA,
                region, "tm-" + (architect % TEAM_MANAGERS));
        Instant assignedAt = now.minus((customer * 31L + nth * 57L) % (180 * 24), ChronoUnit.HOURS);
        RequestSnapshot snapshot = new RequestSnapshot(requestId, RequestType.DISCOVERY_WORKSHOP, RequestQueue.FTA,
                new Customer(tenant, "Customer " + customer, Segment.S500, false), region, "UTC",
                new Contact("Requesting Seller", "seller@example.com"), List.of("atu@example.com"),
                List.of(Workload.EXCHANGE, Workload.TEAMS), false, false, null, assignedAt.minus(1, ChronoUnit.DAYS));
        return new FtaAssigned(requestId, tenant, ref, snapshot, 3, assignedAt.plus(2, ChronoUnit.DAYS), assignedAt,
                "LOAD", List.of(), null, List.of(), null, null);
    }

    private void send(KafkaProducer<String, byte[]> producer, String topic, String source, EventData data) {
        EventEnvelope<EventData> envelope = EventEnvelope.of(now, source, null, null, data);
        RecordHeaders headers = new RecordHeaders();
        EventHeaders.write(headers, envelope);
        producer.send(new ProducerRecord<>(topic, null, data.subject(), EventCodec.encode(envelope), headers),
                (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    } else {
                        acked.incrementAndGet();
                    }
                });
    }
}
