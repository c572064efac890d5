package io.fasttrack.flow.events.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessRefusalTest {

    @Test
    void aMissingOrInvalidTokenIsA401WithABearerChallenge() {
        assertThat(AccessRefusal.NO_CREDENTIAL.status()).isEqualTo(401);
        assertThat(AccessRefusal.NO_CREDENTIAL.challenge()).isEqualTo("Bearer");
        assertThat(AccessRefusal.INVALID_CREDENTIAL.status()).isEqualTo(401);
        assertThat(AccessRefusal.INVALID_CREDENTIAL.challenge()).isEqualTo("Bearer error=\"invalid_token\"");
    }

    @Test
    void aMissingRoleIsA403WithoutAChallenge() {
        assertThat(AccessRefusal.NOT_PERMITTED.status()).isEqualTo(403);
        assertThat(AccessRefusal.NOT_PERMITTED.challenge()).isNull();
    }

    @Test
    void theProblemNamesStatusTitleAndTheRefusedPath() {
        Problem problem = AccessRefusal.NOT_PERMITTED.problem("/architects");
        assertThat(problem.status()).isEqualTo(403);
        assertThat(problem.title()).isEqualTo("Forbidden");
        assertThat(problem.detail()).isEqualTo("the caller's roles do not allow this operation");
        assertThat(problem.instance()).isEqualTo("/architects");
        assertThat(problem.violations()).isEmpty();
    }
}
