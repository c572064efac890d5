package io.fasttrack.flow.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fasttrack.flow.events.EngagementOpened;
import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.kafka.EventHeaders;
import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A stand-in for the four services, to check the harness itself without them: {@code POST /architects} answers
 * 201 (409 for a known id) and {@code GET /architects/{id}} 200; {@code POST /requests} publishes a
 * RequestSubmitted-typed record and waits for the broker's ack (acks=all) before answering 202, then publishes an
 * FtaAssigned-typed record and a real EngagementOpened. Both HTTP APIs listen on both ports.
 *
 * <pre>java -cp ... io.fasttrack.flow.bench.SelfTestStack --bootstrap 127.0.0.1:9092 --ports 8081,8082</pre>
 */
public final class SelfTestStack {

    private static final Pattern TENANT = Pattern.compile("\"tenantId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final KafkaProducer<String, byte[]> producer;
    private final Set<String> architects = ConcurrentHashMap.newKeySet();
    private final ExecutorService followUps = Executors.newSingleThreadExecutor();

    private SelfTestStack(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    public static void main(String[] argv) throws IOException {
        Args args = Args.parse(argv);
        String bootstrap = args.get("bootstrap", "127.0.0.1:9092");
        String ports = args.get("ports", "8081,8082");
        args.rejectUnknown();
        SelfTestStack stack = new SelfTestStack(bootstrap);
        for (String port : ports.split(",")) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(port.trim())), 1024);
            server.createContext("/", stack::handle);
            server.setExecutor(Executors.newFixedThreadPool(16));
            server.start();
        }
        System.out.println("self-test stack on " + ports + ", publishing to " + bootstrap);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (method.equals("POST") && path.equals("/architects")) {
                Matcher id = ID.matcher(body);
                answer(exchange, id.find() && architects.add(id.group(1)) ? 201 : 409, body);
            } else if (method.equals("GET") && path.startsWith("/architects/")) {
                answer(exchange, architects.contains(path.substring("/architects/".length())) ? 200 : 404, "{}");
            } else if (method.equals("POST") && path.equals("/requests")) {
                Matcher tenant = TENANT.matcher(body);
                if (!tenant.find()) {
                    answer(exchange, 400, "{\"title\":\"no tenant\"}");
                    return;
                }
                submit(exchange, tenant.group(1));
            } else {
                answer(exchange, 404, "{}");
            }
        } catch (Exception e) {
            answer(exchange, 500, "{\"title\":\"" + e + "\"}");
        }
    }

    private void submit(HttpExchange exchange, String tenant) throws Exception {
        String requestId = UUID.randomUUID().toString();
        producer.send(record("fasttrack.requests", tenant, "RequestSubmitted", "{}".getBytes(StandardCharsets.UTF_8))).get();
        answer(exchange, 202, "{\"id\":\"" + requestId + "\",\"status\":\"SUBMITTED\"}");
        // not from the producer's callback: a send there can block on metadata the callback thread itself would fetch
        followUps.execute(() -> {
                    producer.send(record("fasttrack.assignments", tenant, "FtaAssigned", "{}".getBytes(StandardCharsets.UTF_8)));
                    EngagementOpened opened = new EngagementOpened("eng-" + requestId, requestId, tenant, null,
                            RequestType.DISCOVERY_WORKSHOP, RequestQueue.FTA, List.of(), Instant.now());
                    EventEnvelope<EngagementOpened> envelope = EventEnvelope.of(Instant.now(), "self-test", requestId, null, opened);
                    ProducerRecord<String, byte[]> record = record("fasttrack.engagements", tenant, "EngagementOpened",
                            EventCodec.encode(envelope));
                    EventHeaders.write(record.headers(), envelope);
                    producer.send(record);
                });
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, String type, byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, null, key, value, headers);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
