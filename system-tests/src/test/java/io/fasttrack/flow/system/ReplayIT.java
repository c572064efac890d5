package io.fasttrack.flow.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.system.LocalStack.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The log is the source of truth: for every service, {@code deploy/local/replay} drops its database,
 * rewinds its consumer groups and rebuilds the projection from the topics, and every projection view
 * reads exactly as it did before. A replay has no side effects: engagement-service mails nobody again.
 */
class ReplayIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String NOTIFICATIONS = "fasttrack_engagement_notifications_total";
    private static final String SENT = "outcome=\"SENT\"";

    private final LocalStack stack = LocalStack.running();
    private final Api api = new Api(stack);

    @Test
    void everyServiceRebuildsTheSameProjectionFromTheTopics() {
        List<String> tenants = seedHistory();

        for (Service service : Service.values()) {
            Map<String, Object> before = snapshot(service, tenants);
            String printed = stack.replay(service);
            System.out.print("replay: " + printed.lines().filter(line -> line.contains("rebuilt from")).findFirst().orElse(printed));
            System.out.println();

            Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(snapshot(service, tenants)).as(service.directory()).isEqualTo(before));
        }
    }

    @Test
    void rebuildingTheEngagementsMailsNobodyAgain() {
        api.registerRoomyHelpArchitect("help-replay-mail");
        String requestId = api.submit(Api.landBenefit(Api.unique("replay-mail"))).then().statusCode(202)
                .extract().path("id");
        Awaitility.await().atMost(PATIENCE).until(() -> "IN_PROGRESS".equals(api.requestStatus(requestId)));
        Awaitility.await("the assignment's mail counted").atMost(PATIENCE)
                .until(() -> api.metric(Service.ENGAGEMENT, NOTIFICATIONS, SENT) > 0);
        double sentLive = api.metric(Service.ENGAGEMENT, NOTIFICATIONS, SENT);
        long livePid = stack.pid(Service.ENGAGEMENT);
        Map<String, Object> before = snapshot(Service.ENGAGEMENT, List.of());

        stack.replay(Service.ENGAGEMENT);
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(snapshot(Service.ENGAGEMENT, List.of())).isEqualTo(before));

        // the replay restarts the service, so its counter starts again at 0: whatever it shows, the replay sent
        assertThat(stack.pid(Service.ENGAGEMENT)).as("engagement-service's process after the replay")
                .isNotEqualTo(livePid);
        double sentByReplay = api.metric(Service.ENGAGEMENT, NOTIFICATIONS, SENT);
        System.out.printf("replay mail figures: %.0f mails sent live, %.0f by the replay%n", sentLive, sentByReplay);
        assertThat(sentByReplay).as("mails sent while rebuilding the engagements").isZero();
    }

    /** A little of everything: a roster, requests assigned and queued, a completed task, usage reports. */
    private List<String> seedHistory() {
        String architect = Api.unique("help-replay");
        api.registerArchitect(architect, "FTCHELP", "APAC", 2).then().statusCode(201);
        List<String> tenants = new ArrayList<>();
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String tenant = Api.unique("replay");
            tenants.add(tenant);
            requests.add(api.submit(Api.landBenefit(tenant)).then().statusCode(202).extract().path("id"));
        }
        // settled: each request waits or has its engagement open (ASSIGNED is the moment in between)
        Awaitility.await().atMost(PATIENCE).until(() -> {
            List<String> statuses = requests.stream().map(id -> api.request(id).<String>path("status")).toList();
            return statuses.stream().allMatch(status -> "QUEUED".equals(status) || "IN_PROGRESS".equals(status))
                    && statuses.contains("IN_PROGRESS");
        });
        String engagementId = requests.stream().map(id -> api.request(id).<String>path("engagementId"))
                .filter(java.util.Objects::nonNull).findFirst().orElseThrow();
        String firstTask = api.engagement(engagementId).path("tasks[0].taskId");
        api.completeTask(engagementId, firstTask).then().statusCode(200);

        StringBuilder usage = new StringBuilder("[");
        List<String> months = List.of("2026-08-01", "2026-09-01", "2026-10-01");
        for (int t = 0; t < tenants.size(); t++) {
            for (int m = 0; m < months.size(); m++) {
                usage.append("""
                        {"tenantId": "%s", "workload": "TEAMS", "licensed": 1000, "active": %d, "asOf": "%s"},
                        """.formatted(tenants.get(t), 100 + 250 * t + 50 * m, months.get(m)));
            }
        }
        usage.setLength(usage.lastIndexOf(","));
        api.at(Service.HEALTH).body(usage.append("]").toString()).post("/usage").then().statusCode(202);
        Awaitility.await().atMost(PATIENCE).until(() -> tenants.stream()
                .allMatch(tenant -> api.at(Service.HEALTH).get("/customers/{t}/health", tenant).statusCode() == 200));
        return tenants;
    }

    private Map<String, Object> snapshot(Service service, List<String> tenants) {
        Map<String, Object> views = new LinkedHashMap<>();
        switch (service) {
            case INTAKE -> views.put("requests", allPages(service, "/requests"));
            case ASSIGNMENT -> {
                views.put("architects", allPages(service, "/architects"));
                // the business hours left move with the clock, not with the projection
                views.put("queue", api.at(service).get("/queue").then().statusCode(200).extract().jsonPath()
                        .getList("items", Map.class).stream().peek(item -> item.remove("businessHoursLeft")).toList());
                views.put("decisions", decisionOfEveryRequest());
            }
            case ENGAGEMENT -> views.put("engagements", allPages(service, "/engagements"));
            case HEALTH -> {
                for (String tenant : tenants) {
                    views.put(tenant, api.at(service).get("/customers/{t}/health", tenant).then().statusCode(200)
                            .extract().body().asString());
                }
                views.put("portfolio", api.at(service).queryParam("groupBy", "region").get("/portfolio")
                        .then().statusCode(200).extract().body().asString());
            }
        }
        return views;
    }

    /** {@code GET /assignments/{id}} of every request intake knows, as the assignment-service answers it. */
    private Map<String, String> decisionOfEveryRequest() {
        Map<String, String> decisions = new java.util.TreeMap<>();
        for (int page = 0; ; page++) {
            List<String> ids = api.at(Service.INTAKE).queryParam("page", page).queryParam("size", 100).get("/requests")
                    .then().statusCode(200).extract().jsonPath().getList("items.id");
            if (ids.isEmpty()) {
                return decisions;
            }
            for (String id : ids) {
                var answer = api.at(Service.ASSIGNMENT).get("/assignments/{id}", id);
                decisions.put(id, answer.statusCode() + " " + answer.body().asString());
            }
        }
    }

    /** Every item of a paged list, in a canonical order: the order of a page is not part of what is rebuilt. */
    private List<String> allPages(Service service, String path) {
        List<String> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<Object> batch = api.at(service).queryParam("page", page).queryParam("size", 100).get(path)
                    .then().statusCode(200).extract().jsonPath().getList("items");
            if (batch.isEmpty()) {
                items.sort(null);
                return items;
            }
            batch.forEach(item -> items.add(String.valueOf(item)));
        }
    }
}
