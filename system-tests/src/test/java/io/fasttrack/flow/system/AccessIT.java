package io.fasttrack.flow.system;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.fasttrack.flow.system.LocalStack.Service;
import org.junit.jupiter.api.Test;

/**
 * The running stack refuses writes without a credential (401) and with the wrong role (403), both as
 * problem reports, and accepts them with a token from deploy/local/token holding the right role.
 */
class AccessIT {

    private static final String PROBLEM = "application/problem+json";

    private final LocalStack stack = LocalStack.running();
    private final Api api = new Api(stack);

    @Test
    void aRequestWithoutATokenIsRefusedWith401() {
        api.anonymous(Service.INTAKE).body(Api.landBenefit(Api.unique("anonymous"))).post("/requests")
                .then().statusCode(401).contentType(startsWith(PROBLEM)).body("status", equalTo(401))
                .header("WWW-Authenticate", startsWith("Bearer"));
        api.as("not.a.token", Service.INTAKE).body(Api.landBenefit(Api.unique("garbage"))).post("/requests")
                .then().statusCode(401).contentType(startsWith(PROBLEM));
        api.anonymous(Service.ASSIGNMENT).get("/queue").then().statusCode(401).contentType(startsWith(PROBLEM));
        api.anonymous(Service.HEALTH).get("/q/metrics").then().statusCode(401);
        api.anonymous(Service.HEALTH).get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aWriteWithTheWrongRoleIsRefusedWith403AndTheRightRoleIsAccepted() {
        String reader = stack.token("reader");
        api.as(reader, Service.INTAKE).body(Api.landBenefit(Api.unique("reader"))).post("/requests")
                .then().statusCode(403).contentType(startsWith(PROBLEM)).body("status", equalTo(403));
        String submitter = stack.token("submitter");
        api.as(submitter, Service.ASSIGNMENT).body("""
                {"id": "%s", "name": "Architect", "role": "FTCHELP", "region": "APAC", "timeZone": "Asia/Singapore",
                 "capacity": 1, "skills": [], "teamManager": "tm-access"}""".formatted(Api.unique("help-access")))
                .post("/architects").then().statusCode(403).contentType(startsWith(PROBLEM));

        // a usage report rather than a request, so no other test's architects get work from this one
        api.as(submitter, Service.HEALTH).body("""
                {"tenantId": "%s", "workload": "TEAMS", "licensed": 100, "active": 40, "asOf": "2026-10-01"}"""
                .formatted(Api.unique("tenant-access"))).post("/usage").then().statusCode(202);
        api.as(stack.token("manager"), Service.HEALTH).queryParam("groupBy", "region").get("/portfolio").then().statusCode(200);
    }
}
