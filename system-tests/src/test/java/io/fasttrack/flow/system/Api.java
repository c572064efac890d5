package io.fasttrack.flow.system;

import static io.restassured.RestAssured.given;

import io.fasttrack.flow.system.LocalStack.Service;
import io.fasttrack.flow.testing.PrometheusScrape;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;

/** The HTTP calls the system tests make, with bodies as the SPEC shows them. */
final class Api {

    /** A client that gives up on an answer after 30 s, as any client that retries would. */
    private static final RestAssuredConfig BOUNDED_WAIT = RestAssuredConfig.config().httpClient(
            HttpClientConfig.httpClientConfig().setParam("http.connection.timeout", 5_000)
                    .setParam("http.socket.timeout", 30_000));

    private final LocalStack stack;
    private String everyRole;

    Api(LocalStack stack) {
        this.stack = stack;
    }

    /** A call with a token holding every role, as the tests act as submitter, manager, architect and reader. */
    RequestSpecification at(Service service) {
        if (everyRole == null) {
            everyRole = stack.token("submitter", "reader", "architect", "manager", "--sub", "system-tests");
        }
        return as(everyRole, service);
    }

    /** A call with the given bearer token. */
    RequestSpecification as(String token, Service service) {
        return anonymous(service).header("Authorization", "Bearer " + token);
    }

    /** A call without any credential. */
    RequestSpecification anonymous(Service service) {
        return given().baseUri(stack.url(service)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    Response registerArchitect(String id, String role, String region, int capacity) {
        return at(Service.ASSIGNMENT).body("""
                {"id": "%s", "name": "Architect %s", "role": "%s", "region": "%s", "timeZone": "Europe/Berlin",
                 "capacity": %d, "skills": ["EXCHANGE", "WINDOWS", "INTUNE"], "teamManager": "tm-system-tests"}
                """.formatted(id, id, role, region, capacity)).post("/architects");
    }

    /**
     * An FTCHELP architect with room for every land benefit request a test sends (nothing queues behind it),
     * returned once assignment-service knows it.
     */
    String registerRoomyHelpArchitect(String prefix) {
        String id = unique(prefix);
        registerArchitect(id, "FTCHELP", "APAC", 1000).then().statusCode(201);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> architect(id).statusCode() == 200);
        return id;
    }

    Response submit(String body) {
        return at(Service.INTAKE).body(body).post("/requests");
    }

    /** A submission under an Idempotency-Key: its retries, with the same key and body, are the same request. */
    Response submit(String body, String idempotencyKey) {
        return at(Service.INTAKE).config(BOUNDED_WAIT).header("Idempotency-Key", idempotencyKey).body(body)
                .post("/requests");
    }

    /** A complete discovery workshop (weight 3); {@code getModern} routes it to Get Modern architects. */
    static String discoveryWorkshop(String tenantId, boolean getModern) {
        return """
                {"type": "DISCOVERY_WORKSHOP",
                 "customer": {"tenantId": "%s", "name": "Customer %s", "segment": "S500"},
                 "region": "EMEA", "timeZone": "Europe/Berlin",
                 "requestor": {"name": "Requesting Seller", "email": "seller@example.com"},
                 "accountTeam": ["atu@example.com", "csu@example.com"],
                 "workloads": ["WINDOWS", "INTUNE"], "getModern": %s, "engageBeforeLicensePurchase": false,
                 "attachments": [
                   {"kind": "SOW", "name": "sow.pdf", "uri": "https://files.example.com/sow.pdf"},
                   {"kind": "STAFFING_PLAN", "name": "staffing.xlsx", "uri": "https://files.example.com/staffing.xlsx"},
                   {"kind": "COST_BREAKDOWN", "name": "cost.xlsx", "uri": "https://files.example.com/cost.xlsx"}]}
                """.formatted(tenantId, tenantId, getModern);
    }

    /** A complete migration exception (weight 2), for Alignment architects. */
    static String migrationException(String tenantId) {
        return """
                {"type": "MIGRATION_EXCEPTION",
                 "customer": {"tenantId": "%s", "name": "Customer %s", "segment": "S1500"},
                 "region": "AMER", "timeZone": "America/New_York",
                 "requestor": {"name": "Requesting Seller", "email": "seller@example.com"},
                 "accountTeam": ["atu@example.com"],
                 "workloads": ["EXCHANGE"], "getModern": false, "engageBeforeLicensePurchase": false,
                 "migration": {"mailboxCount": 1200, "sourceEnvironment": "Domino/Notes",
                               "businessJustification": "Notes retirement"}}
                """.formatted(tenantId, tenantId);
    }

    /** A complete land benefit request (weight 1), for FTCHelp staff. */
    static String landBenefit(String tenantId) {
        return """
                {"type": "LAND_FTC_BENEFIT",
                 "customer": {"tenantId": "%s", "name": "Customer %s", "segment": "OTHER"},
                 "region": "APAC", "timeZone": "Asia/Singapore",
                 "requestor": {"name": "Requesting Seller", "email": "seller@example.com"},
                 "accountTeam": ["atu@example.com"],
                 "workloads": ["TEAMS"], "getModern": false, "engageBeforeLicensePurchase": false,
                 "attachments": [{"kind": "CUSTOMER_SUCCESS_PLAN", "name": "csp.docx", "uri": "https://files.example.com/csp.docx"}]}
                """.formatted(tenantId, tenantId);
    }

    Response request(String id) {
        return at(Service.INTAKE).get("/requests/{id}", id);
    }

    /**
     * The request's status, or null while intake does not show it: a 202 means the event is on the log, and
     * the row may follow a moment later from the requests consumer (a 404 problem until then).
     */
    String requestStatus(String id) {
        Response answer = request(id);
        return answer.statusCode() == 200 ? answer.path("status") : null;
    }

    Response engagement(String id) {
        return at(Service.ENGAGEMENT).get("/engagements/{id}", id);
    }

    Response completeTask(String engagementId, String taskId) {
        return at(Service.ENGAGEMENT).body("{\"completedBy\": \"system-tests\"}")
                .post("/engagements/{id}/tasks/{task}/complete", engagementId, taskId);
    }

    Response architect(String id) {
        return at(Service.ASSIGNMENT).get("/architects/{id}", id);
    }

    Response assignment(String requestId) {
        return at(Service.ASSIGNMENT).get("/assignments/{id}", requestId);
    }

    /** The sum of a metric's series on a service's {@code /q/metrics} whose labels contain each of {@code labels}. */
    double metric(Service service, String name, String... labels) {
        String scrape = at(service).accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        return PrometheusScrape.sumOf(scrape, name, labels);
    }
}
