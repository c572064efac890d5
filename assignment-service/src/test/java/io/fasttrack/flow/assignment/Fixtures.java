package io.fasttrack.flow.assignment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.events.EngagementCompleted;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.FtaAssigned;
import io.fasttrack.flow.events.RequestQueued;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.events.model.Contact;
import io.fasttrack.flow.events.model.Customer;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestFamily;
import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.Segment;
import io.fasttrack.flow.events.model.Workload;
import io.fasttrack.flow.kit.api.Paging;
import io.fasttrack.flow.testing.EventStreams;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;

/** Events, roster entries and waits shared by the broker tests. */
public final class Fixtures {

    public static final Duration PATIENCE = Duration.ofSeconds(60);
    public static final List<String> BALANCED_ROLES = List.of("ALIGNMENT_FTA", "GET_MODERN_FTA", "FTCHELP");


    public final EventStreams streams =
            new EventStreams(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    public static String topic(String name) {
        return ConfigProvider.getConfig().getValue("fasttrack.topic." + name, String.class);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> architect(String id, String role, String region, int capacity, List<String> skills) {
        return Map.of("id", id, "name", "Architect " + id, "role", role, "region", region, "timeZone", "Europe/Berlin",
                "capacity", capacity, "skills", skills, "teamManager", "tm-1");
    }

    public static void register(Map<String, Object> architect) {
        given().contentType(ContentType.JSON).body(architect).when().post("/architects").then().statusCode(201);
    }

    /**
     * Every test starts from a roster where nobody from earlier tests can take work: earlier architects are
     * sent away for good, and whatever earlier tests left waiting is absorbed by large architects per role
     * (as many as it takes: a generated history leaves thousands waiting) who are then sent away too.
     */
    public static void isolateRoster() {
        Awaitility.await().atMost(PATIENCE).until(() -> {
            if (queueLength() == 0) {
                return true;
            }
            for (String role : BALANCED_ROLES) {
                register(architect(unique("sink"), role, "EMEA", 1000, List.of()));
            }
            return queueLength() == 0;
        });
        for (Map<String, Object> existing : allItems("/architects")) {
            if (existing.get("awayFrom") == null) {
                Map<String, Object> away = new java.util.HashMap<>(existing);
                away.keySet().retainAll(List.of("name", "role", "region", "timeZone", "capacity", "skills", "teamManager"));
                away.put("awayFrom", "2000-01-01");
                away.put("awayTo", "2999-12-31");
                given().contentType(ContentType.JSON).body(away).when().put("/architects/" + existing.get("id"))
                        .then().statusCode(200);
            }
        }
    }

    private static long queueLength() {
        return given().get("/queue?size=1").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    /** Every item of a paged list, read page by page at the largest page size a list gives. */
    public static List<Map<String, Object>> allItems(String path) {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        List<Map<String, Object>> items;
        int page = 0;
        do {
            items = given().get(path + (path.contains("?") ? "&" : "?") + "size=" + Paging.MAX_SIZE + "&page=" + page)
                    .then().statusCode(200).extract().jsonPath().getList("items");
            all.addAll(items);
            page++;
        } while (items.size() == Paging.MAX_SIZE);
        return all;
    }

    public static RequestSubmitted request(String requestId, String tenantId, RequestType type, Region region,
            boolean getModern, Instant submittedAt, Workload... workloads) {
        RequestQueue queue = switch (type) {
            case DISCOVERY_WORKSHOP, ECIF_DWR_REVIEW, MIGRATION_EXCEPTION -> RequestQueue.FTA;
            default -> RequestQueue.FTCHELP;
        };
        RequestFamily family = switch (type) {
            case DISCOVERY_WORKSHOP, ECIF_DWR_REVIEW -> RequestFamily.FUNDING;
            case MIGRATION_EXCEPTION -> RequestFamily.MIGRATION_EXCEPTION;
            default -> RequestFamily.NON_FUNDING;
        };
        return new RequestSubmitted(requestId, type, family, queue, new Customer(tenantId, "Customer " + tenantId, Segment.S500, false),
                region, "Europe/Berlin", new Contact("Seller", "seller@example.com"), List.of("atu@example.com"),
                List.of(workloads), getModern, false, List.of(), List.of(), null, null, null, null, submittedAt);
    }

    public static EventEnvelope<RequestSubmitted> envelope(RequestSubmitted submitted) {
        return EventEnvelope.of(submitted.submittedAt(), "intake-service", submitted.requestId(), null, submitted);
    }

    public void submit(RequestSubmitted submitted) {
        streams.publish(topic("requests"), envelope(submitted));
    }

    public void complete(String requestId, String tenantId, String architectId, Instant at) {
        streams.publish(topic("engagements"), EventEnvelope.of(at, "engagement-service", requestId, null,
                new EngagementCompleted("eng-" + requestId, requestId, tenantId, architectId, at)));
    }

    public FtaAssigned awaitAssigned(String requestId) {
        return streams.await(topic("assignments"), FtaAssigned.class, a -> a.requestId().equals(requestId), 1, PATIENCE).get(0);
    }

    public RequestQueued awaitQueued(String requestId) {
        return streams.await(topic("assignments"), RequestQueued.class, q -> q.requestId().equals(requestId), 1, PATIENCE).get(0);
    }

    public static int load(String architectId) {
        return given().get("/architects/" + architectId).then().statusCode(200).extract().jsonPath().getInt("load");
    }

    public static void assertWithinCapacity(String architectId) {
        var json = given().get("/architects/" + architectId).then().statusCode(200).extract().jsonPath();
        assertThat(json.getInt("load")).isLessThanOrEqualTo(json.getInt("capacity"));
    }

    private Fixtures() {
    }

    public static Fixtures create() {
        return new Fixtures();
    }
}
