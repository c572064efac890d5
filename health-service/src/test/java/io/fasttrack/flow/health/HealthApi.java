package io.fasttrack.flow.health;

import static io.restassured.RestAssured.given;

import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventData;
import io.fasttrack.flow.testing.EventStreams;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;

/** What the tests do through HTTP and on the topics, in the service's vocabulary. */
public final class HealthApi {

    public static final String USAGE_TOPIC = "fasttrack.usage";
    public static final String HEALTH_TOPIC = "fasttrack.health";
    public static final String ASSIGNMENTS_TOPIC = "fasttrack.assignments";
    public static final String ENGAGEMENTS_TOPIC = "fasttrack.engagements";
    public static final String REQUESTS_TOPIC = "fasttrack.requests";
    public static final String ALERTS_TOPIC = "fasttrack.alerts";

    private HealthApi() {
    }

    public static Map<String, Object> report(String tenantId, String workload, long licensed, long active, LocalDate asOf) {
        return Map.of("tenantId", tenantId, "workload", workload, "licensed", licensed, "active", active, "asOf", asOf.toString());
    }

    /** Posts reports and expects them accepted. */
    public static void post(Object body) {
        given().contentType(ContentType.JSON).body(body).when().post("/usage").then().statusCode(202);
    }

    /** Makes someone the customer's FastTrack Manager and expects it accepted; the answer's body. */
    public static JsonPath putOwner(String tenantId, String fastTrackManager) {
        return given().contentType(ContentType.JSON).body(Map.of("fastTrackManager", fastTrackManager))
                .when().put("/customers/{tenantId}/owner", tenantId).then().statusCode(200).extract().jsonPath();
    }

    /** Records the customer's contract and expects it accepted; the answer's body. */
    public static JsonPath putContract(String tenantId, LocalDate renewalDate, LocalDate anniversaryDate) {
        Map<String, Object> body = anniversaryDate == null ? Map.of("renewalDate", renewalDate.toString())
                : Map.of("renewalDate", renewalDate.toString(), "anniversaryDate", anniversaryDate.toString());
        return given().contentType(ContentType.JSON).body(body)
                .when().put("/customers/{tenantId}/contract", tenantId).then().statusCode(200).extract().jsonPath();
    }

    /** The events of one type on the health topic under the customer's key, in order. */
    public static <D extends EventData> List<D> healthEvents(String tenantId, Class<D> type) {
        return recordsFor(HEALTH_TOPIC, tenantId).stream()
                .map(record -> EventCodec.decode(record.value()).data())
                .filter(type::isInstance).map(type::cast).toList();
    }

    public static JsonPath health(String tenantId) {
        return given().when().get("/customers/{tenantId}/health", tenantId).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the customer's health has been computed from its report with the given as-of date, utilization included. */
    public static JsonPath awaitHealth(String tenantId, LocalDate asOf, String utilization) {
        return awaitHealth(tenantId, asOf, utilization, Duration.ofSeconds(60));
    }

    public static JsonPath awaitHealth(String tenantId, LocalDate asOf, String utilization, Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            var response = given().when().get("/customers/{tenantId}/health", tenantId);
            if (response.statusCode() != 200) {
                return null;
            }
            JsonPath json = response.jsonPath();
            boolean done = asOf.toString().equals(json.getString("asOf"))
                    && new java.math.BigDecimal(json.getString("utilization")).compareTo(new java.math.BigDecimal(utilization)) == 0;
            return done ? json : null;
        }, java.util.Objects::nonNull);
    }

    /** The value of a Prometheus counter series on /q/metrics whose labels include {@code label}, 0 when absent. */
    public static double counter(String name, String label) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith(name + "{") && line.contains(label))
                .mapToDouble(io.fasttrack.flow.testing.PrometheusScrape::sampleValue)
                .sum();
    }

    /** Records on a topic under one key, in order (one key lives on one partition). */
    public static List<ConsumerRecord<String, byte[]>> recordsFor(String topic, String key) {
        return new EventStreams().records(topic).stream().filter(record -> key.equals(record.key()))
                .sorted(java.util.Comparator.comparingLong(ConsumerRecord::offset)).collect(Collectors.toList());
    }
}
