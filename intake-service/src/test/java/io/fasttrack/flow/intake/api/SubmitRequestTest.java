package io.fasttrack.flow.intake.api;

import static io.fasttrack.flow.intake.IntakeApi.get;
import static io.fasttrack.flow.intake.IntakeApi.post;
import static io.fasttrack.flow.intake.IntakeApi.uniqueTenant;
import static io.fasttrack.flow.intake.SampleRequests.minimal;
import static io.fasttrack.flow.intake.SampleRequests.without;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.events.Topic;
import io.fasttrack.flow.events.http.Problem;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.intake.IntakeApi;
import io.fasttrack.flow.intake.SampleRequests;
import io.fasttrack.flow.testing.EventStreams;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
// every role, so these tests exercise behaviour; the role boundaries have their own AccessTest
@TestSecurity(user = "test-caller", roles = {"submitter", "reader", "architect", "manager"})
@QuarkusTestResource(InJvmKafkaBroker.class)
class SubmitRequestTest {

    private static final String REQUESTS = Topic.REQUESTS.defaultName();
    private final EventStreams streams = new EventStreams();

    @ParameterizedTest
    @EnumSource(RequestType.class)
    void acceptsTheMinimalCompleteRequestOfEveryTypeOnceItIsOnTheRequestsTopic(RequestType type) {
        String tenant = uniqueTenant();

        ExtractableResponse<Response> answer = post(minimal(type, tenant)).statusCode(202)
                .contentType(ContentType.JSON).body("status", equalTo("SUBMITTED")).extract();

        String id = answer.path("id");
        assertThat(answer.header("Location")).isEqualTo("/requests/" + id);
        // the 202 came after the broker's ack: the event is readable right now, without waiting
        assertThat(streams.events(REQUESTS, RequestSubmitted.class)).filteredOn(e -> e.requestId().equals(id))
                .singleElement().satisfies(event -> {
                    assertThat(event.type()).isEqualTo(type);
                    assertThat(event.customer().tenantId()).isEqualTo(tenant);
                });
        get(id).statusCode(200).body("type", equalTo(type.name())).body("tenantId", equalTo(tenant))
                .body("status", equalTo("SUBMITTED")).body("placeholderTenant", equalTo(false));
    }

    static Stream<Arguments> everyRequiredPartOfEveryType() {
        return Stream.of(RequestType.values()).flatMap(type -> SampleRequests.requiredParts(type).stream()
                .map(part -> Arguments.of(type, part.path(), part.violationField())));
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("everyRequiredPartOfEveryType")
    void refusesARequestWithoutARequiredPartNamingExactlyThatField(RequestType type, String path, String field) {
        post(without(minimal(type, uniqueTenant()), path)).statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(400))
                .body("instance", equalTo("/requests"))
                .body("violations.field", equalTo(List.of(field)));
    }

    @Test
    void listsEveryBadFieldOfABadRequestAtOnce() {
        Map<String, Object> body = minimal(RequestType.DISCOVERY_WORKSHOP, uniqueTenant());
        body.remove("attachments");
        body.put("region", "MARS");
        body.put("timeZone", "Mars/Olympus_Mons");
        body.put("accountTeam", List.of("atu@example.com", "not an e-mail"));
        body.put("workloads", List.of("EXCHANGE", 7));
        body.put("getModern", "yes");
        body.put("colour", "blue");
        @SuppressWarnings("unchecked")
        Map<String, Object> requestor = (Map<String, Object>) body.get("requestor");
        requestor.put("email", "seller(at)example.com");

        List<String> fields = post(body).statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("10 field(s)"))
                .extract().jsonPath().getList("violations.field");

        assertThat(fields).containsExactlyInAnyOrder("colour", "region", "timeZone", "requestor.email",
                "accountTeam[1]", "workloads[1]", "getModern", "attachments", "attachments", "attachments");
    }

    @Test
    void aRefusedRequestIsNeitherPublishedNorStored() {
        String tenant = uniqueTenant();
        post(without(minimal(RequestType.LAND_FTC_BENEFIT, tenant), "attachments[kind=CUSTOMER_SUCCESS_PLAN]"))
                .statusCode(400);
        String accepted = IntakeApi.submit(RequestType.LAND_FTC_BENEFIT, tenant);

        // both went the same way to the same partition; only the accepted one is there
        assertThat(streams.records(REQUESTS)).filteredOn(record -> tenant.equals(record.key()))
                .extracting(record -> EventStreams.header(record, "ce_correlationid")).containsExactly(accepted);
        given().queryParam("tenantId", tenant).when().get("/requests").then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", equalTo(List.of(accepted)));
    }

    @Test
    void mintsAMarkedPlaceholderTenantWhenTheCustomerHasNone() {
        String id = IntakeApi.submit(without(minimal(RequestType.SALES_SUPPORT_INQUIRY, "unused"), "customer.tenantId"));

        get(id).statusCode(200).body("tenantId", startsWith("placeholder-")).body("placeholderTenant", equalTo(true));
    }

    @Test
    void malformedJsonIsA400Problem() {
        given().contentType(ContentType.JSON).body("{\"type\": \"DISCOVERY_WORKSHOP\",").when().post("/requests")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("violations[0].field", equalTo("$"))
                .body("violations[0].message", startsWith("not valid JSON"));
        given().contentType(ContentType.JSON).body("").when().post("/requests")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aNonJsonContentTypeIsA415Problem() {
        given().contentType(ContentType.TEXT).body("type=DISCOVERY_WORKSHOP").when().post("/requests")
                .then().statusCode(415).contentType(Problem.MEDIA_TYPE).body("status", equalTo(415));
    }

    @Test
    void aTooLargeBodyIsA413Problem() {
        Map<String, Object> body = minimal(RequestType.ENGAGE_BEFORE_LICENSE, uniqueTenant());
        body.put("justification", "x".repeat(300 * 1024));

        post(body).statusCode(413).contentType(Problem.MEDIA_TYPE).body("status", equalTo(413));
    }

    @Test
    void anUnknownRequestIsA404Problem() {
        get("no-such-request").statusCode(404).contentType(Problem.MEDIA_TYPE).body("status", equalTo(404));
    }

    @Test
    void listsRequestsByTenantAndStatusPagedWithoutTheRequestorsPersonalData() {
        String tenant = uniqueTenant();
        String first = IntakeApi.submit(RequestType.ENGAGE_BEFORE_LICENSE, tenant);
        String second = IntakeApi.submit(RequestType.MIGRATION_EXCEPTION, tenant);
        IntakeApi.submit(RequestType.MIGRATION_EXCEPTION, uniqueTenant());

        given().queryParam("tenantId", tenant).queryParam("status", "SUBMITTED").queryParam("size", 1)
                .when().get("/requests").then().statusCode(200)
                .body("total", equalTo(2)).body("page", equalTo(0)).body("size", equalTo(1))
                .body("items.size()", equalTo(1))
                .body("items[0]", not(org.hamcrest.Matchers.hasKey("requestor")))
                .body(not(containsString("seller@example.com")));
        List<String> ids = given().queryParam("tenantId", tenant).when().get("/requests").then()
                .extract().jsonPath().getList("items.id");
        assertThat(ids).containsExactlyInAnyOrder(first, second);
        given().queryParam("tenantId", tenant).queryParam("status", "COMPLETED").when().get("/requests").then()
                .body("total", equalTo(0));
    }

    @Test
    void badListParametersAreA400ProblemNamingEachOne() {
        given().queryParam("status", "DONE").queryParam("stalled", "maybe").queryParam("page", -1).queryParam("size", 1000)
                .when().get("/requests").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("violations.field", hasItem("status")).body("violations.field", hasItem("stalled"))
                .body("violations.field", hasItem("page")).body("violations.field", hasItem("size"));
    }
}
