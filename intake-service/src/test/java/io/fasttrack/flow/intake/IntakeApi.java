package io.fasttrack.flow.intake;

import static io.restassured.RestAssured.given;

import io.fasttrack.flow.events.model.RequestType;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;

/** The intake HTTP API as a submitting system uses it. */
public final class IntakeApi {

    private IntakeApi() {
    }

    public static String uniqueTenant() {
        return "tenant-" + UUID.randomUUID();
    }

    public static ValidatableResponse post(Object body) {
        return given().contentType(ContentType.JSON).body(SampleRequests.json(body)).when().post("/requests").then();
    }

    public static ValidatableResponse post(Object body, String idempotencyKey) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey)
                .body(SampleRequests.json(body)).when().post("/requests").then();
    }

    /** Submits a minimal complete request and returns its id. */
    public static String submit(RequestType type, String tenantId) {
        return submit(SampleRequests.minimal(type, tenantId));
    }

    public static String submit(Map<String, Object> body) {
        return post(body).statusCode(202).extract().path("id");
    }

    public static ValidatableResponse get(String requestId) {
        return given().when().get("/requests/{id}", requestId).then();
    }
}
