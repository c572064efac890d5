package io.fasttrack.flow.assignment.api;

import static io.fasttrack.flow.assignment.Fixtures.architect;
import static io.fasttrack.flow.assignment.Fixtures.unique;
import static io.fasttrack.flow.testing.Access.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.assignment.Fixtures;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.testing.Access;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.fasttrack.flow.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Role boundaries with real signed tokens: managers change the roster and reassign, readers and managers read. */
@QuarkusTest
@QuarkusTestResource(InJvmKafkaBroker.class)
class AccessTest {

    private static Map<String, Object> newArchitect(String id) {
        return architect(id, "FTCHELP", "AMER", 1, List.of("TEAMS"));
    }

    @Test
    void rosterChangesNeedAManager() {
        String id = unique("fta-access");
        Access.refusesUnauthenticated("POST", "/architects", newArchitect(id));
        Access.forbids("POST", "/architects", newArchitect(id), "reader", "submitter", "architect");
        call(Tokens.forRoles("manager"), "POST", "/architects", newArchitect(id)).statusCode(201);

        Map<String, Object> larger = new java.util.HashMap<>(newArchitect(id));
        larger.put("capacity", 2);
        Access.refusesUnauthenticated("PUT", "/architects/" + id, larger);
        Access.forbids("PUT", "/architects/" + id, larger, "reader", "submitter", "architect");
        call(Tokens.forRoles("manager"), "PUT", "/architects/" + id, larger).statusCode(200);
    }

    @Test
    void reassignmentNeedsAManager() {
        String path = "/assignments/" + unique("req") + "/reassign";
        Access.refusesUnauthenticated("POST", path, "{}");
        Access.forbids("POST", path, "{}", "reader", "submitter", "architect");
        // past the role check: the manager hears that there is no such assignment
        call(Tokens.forRoles("manager"), "POST", path, "{}").statusCode(404);
    }

    @Test
    void aReaderSeesNoPersonalDataInADecisionAndAManagerDoes() {
        call(Tokens.forRoles("manager"), "POST", "/architects", newArchitect(unique("fta-privacy"))).statusCode(201);
        RequestSubmitted submitted = Fixtures.request(unique("req"), unique("tenant"), RequestType.LAND_FTC_BENEFIT,
                Region.AMER, false, Instant.now());
        Fixtures.create().submit(submitted);
        String path = "/assignments/" + submitted.requestId();
        Awaitility.await().atMost(Fixtures.PATIENCE)
                .until(() -> call(Tokens.forRoles("manager"), "GET", path, null).extract().statusCode() == 200);

        String asManager = call(Tokens.forRoles("manager"), "GET", path, null).statusCode(200).extract().asString();
        String asReader = call(Tokens.forRoles("reader"), "GET", path, null).statusCode(200).extract().asString();

        assertThat(asManager).contains("seller@example.com", "atu@example.com", "\"Seller\"");
        assertThat(asReader).contains(submitted.requestId(), submitted.customer().tenantId())
                .doesNotContain("seller@example.com").doesNotContain("atu@example.com").doesNotContain("\"Seller\"");
    }

    @Test
    void readersAndManagersRead() {
        for (String path : List.of("/architects", "/architects/" + unique("nobody"), "/assignments/" + unique("req"), "/queue")) {
            Access.refusesUnauthenticated("GET", path, null);
            Access.forbids("GET", path, null, "submitter", "architect");
            for (String role : List.of("reader", "manager")) {
                int status = call(Tokens.forRoles(role), "GET", path, null).extract().statusCode();
                org.assertj.core.api.Assertions.assertThat(status).as(role + " on " + path).isIn(200, 404);
            }
        }
    }
}
