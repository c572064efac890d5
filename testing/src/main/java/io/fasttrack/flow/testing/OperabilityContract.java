package io.fasttrack.flow.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

/**
 * What every FastTrack service promises its operators: readiness that includes its database and its
 * Kafka channels, its OpenAPI contract, and Prometheus metrics; health open to anyone, the rest only to
 * an authenticated caller. A service's test extends this class and
 * adds {@code @QuarkusTest} and {@code @QuarkusTestResource(InJvmKafkaBroker.class)}.
 */
public abstract class OperabilityContract {

    @Test
    void isReadyWithItsDatabaseAndKafkaChannels() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check",
                        "SmallRye Reactive Messaging - readiness check"))
                .body("checks.status", org.hamcrest.Matchers.everyItem(equalTo("UP")));
    }

    @Test
    void keepsHealthOpenAndEverythingElseBehindAToken() {
        given().when().get("/q/health").then().statusCode(200);
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(401);
        given().when().get("/q/openapi").then().statusCode(401);
        given().header("Authorization", "Bearer " + Tokens.signedByStranger()).when().get("/q/metrics").then().statusCode(401);
    }

    @Test
    void publishesItsOpenApiContract() {
        given().header("Authorization", Tokens.bearer("reader")).when().get("/q/openapi?format=json").then().statusCode(200).body("openapi", startsWith("3."));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().header("Authorization", Tokens.bearer("reader")).when().get("/q/metrics").then().statusCode(200).body(containsString("# TYPE jvm_memory_used_bytes"));
    }
}
