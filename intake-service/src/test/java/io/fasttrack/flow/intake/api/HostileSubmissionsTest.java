package io.fasttrack.flow.intake.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.intake.HostileBodies;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generated hostile bodies of {@link RequestParserPropertyTest}, fewer of them, through POST /requests of
 * the running application: every answer is a 2xx or a 4xx problem report, never a 5xx.
 */
@QuarkusTest
@TestSecurity(user = "fuzzer", roles = "submitter")
@QuarkusTestResource(InJvmKafkaBroker.class)
class HostileSubmissionsTest {

    private static final int TRIES = 150;

    @Test
    void everyAnswerIsAcceptedOrAProblemReport() {
        List<byte[]> bodies = HostileBodies.bodies().sampleStream().limit(TRIES).toList();
        for (byte[] body : bodies) {
            Response answer = given().contentType("application/json").body(body).when().post("/requests");
            String shown = new String(body, 0, Math.min(body.length, 300), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer.statusCode()).as("answer to %s", shown).isBetween(200, 499);
            if (answer.statusCode() >= 400) {
                assertThat(answer.contentType()).as("answer to %s", shown).startsWith("application/problem+json");
                assertThat(answer.jsonPath().getInt("status")).isEqualTo(answer.statusCode());
                assertThat(answer.asString()).doesNotContain("Exception", "\tat ");
            }
        }
    }
}
