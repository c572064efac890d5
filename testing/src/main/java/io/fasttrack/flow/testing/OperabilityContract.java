package io.fasttrack.flow.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

/**
 * What every FastTrack service promises its operators: readiness that includes its database and its
 * Kafka channels, its OpenAPI contract, and Prometheus metrics. A service's test extends this class and
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
    void publishesItsOpenApiContract() {
        given().when().get("/q/openapi?format=json").then().statusCode(200).body("openapi", startsWith("3."));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("# TYPE jvm_memory_used_bytes"));
    }
}
