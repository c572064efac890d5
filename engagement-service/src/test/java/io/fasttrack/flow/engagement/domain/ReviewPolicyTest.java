package io.fasttrack.flow.engagement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.events.model.RequestType;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReviewPolicyTest {

    private final ReviewPolicy policy = new ReviewPolicy(Set.of(RequestType.MIGRATION_EXCEPTION,
            RequestType.ECIF_DWR_REVIEW));

    @Test
    void migrationExceptionsAndFundRequestsNeedAReview() {
        assertThat(policy.required(RequestType.MIGRATION_EXCEPTION)).isTrue();
        assertThat(policy.required(RequestType.ECIF_DWR_REVIEW)).isTrue();
        assertThat(policy.required(RequestType.DISCOVERY_WORKSHOP)).isFalse();
        assertThat(policy.required(null)).isFalse();
    }

    @Test
    void anEngagementCompletesWhenItsTasksAndAnyRequiredReviewAreDoneWhicheverComesLast() {
        assertThat(policy.completes(RequestType.MIGRATION_EXCEPTION, false, true, false)).isFalse();
        assertThat(policy.completes(RequestType.MIGRATION_EXCEPTION, false, false, true)).isFalse();
        assertThat(policy.completes(RequestType.MIGRATION_EXCEPTION, false, true, true)).isTrue();
        assertThat(policy.completes(RequestType.DISCOVERY_WORKSHOP, false, true, false)).isTrue();
        assertThat(policy.completes(RequestType.DISCOVERY_WORKSHOP, false, false, false)).isFalse();
        // once only
        assertThat(policy.completes(RequestType.MIGRATION_EXCEPTION, true, true, true)).isFalse();
    }

    @Test
    void aReviewIsRefusedWhereNoneIsTakenAfterAFinalDecisionAndOnACompletedEngagement() {
        assertThat(policy.refusal(RequestType.DISCOVERY_WORKSHOP, false, false))
                .contains("a DISCOVERY_WORKSHOP engagement takes no review; reviews are for"
                        + " [ECIF_DWR_REVIEW, MIGRATION_EXCEPTION]");
        assertThat(policy.refusal(RequestType.ECIF_DWR_REVIEW, true, true)).contains("the review is decided already");
        assertThat(policy.refusal(RequestType.ECIF_DWR_REVIEW, false, true)).contains("the engagement is completed");
        assertThat(policy.refusal(RequestType.ECIF_DWR_REVIEW, false, false)).isEqualTo(Optional.empty());
    }
}
