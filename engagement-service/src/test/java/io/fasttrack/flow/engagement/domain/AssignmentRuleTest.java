package io.fasttrack.flow.engagement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AssignmentRuleTest {

    @Test
    void opensWhenTheRequestHasNoEngagement() {
        assertThat(AssignmentRule.decide(null, false, "fta-a")).isEqualTo(AssignmentRule.OPEN);
    }

    @Test
    void theSameArchitectAgainChangesNothing() {
        assertThat(AssignmentRule.decide("fta-a", false, "fta-a")).isEqualTo(AssignmentRule.NONE);
    }

    @Test
    void anotherArchitectTakesOverAnOpenEngagement() {
        assertThat(AssignmentRule.decide("fta-a", false, "fta-b")).isEqualTo(AssignmentRule.REASSIGN);
    }

    @Test
    void aCompletedEngagementStaysWithItsArchitect() {
        assertThat(AssignmentRule.decide("fta-a", true, "fta-b")).isEqualTo(AssignmentRule.NONE);
    }

    @Test
    void engagementIdFollowsFromTheRequest() {
        assertThat(EngagementIds.forRequest("req-42")).isEqualTo("eng-req-42").isEqualTo(EngagementIds.forRequest("req-42"));
    }
}
