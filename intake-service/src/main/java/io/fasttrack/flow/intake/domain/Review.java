package io.fasttrack.flow.intake.domain;

import io.fasttrack.flow.events.model.ReviewDecision;
import java.time.Instant;
import java.util.List;

/**
 * The architect's review of a migration exception or a fund request (a ReviewDecided), as the requestor reads it on
 * the request.
 *
 * @param risks the risks the reviewer named, possibly none
 * @param note  the reviewer's note; null if none
 */
public record Review(ReviewDecision decision, List<String> risks, String note, Instant decidedAt) {

    public Review {
        risks = List.copyOf(risks);
    }

    /**
     * The request shows its latest review: one decided before the review it shows changes nothing, so reviews read from
     * different partitions (a tenant identified between two of them) give the same answer in any order.
     */
    public boolean supersedes(Review shown) {
        return shown == null || !decidedAt.isBefore(shown.decidedAt());
    }
}
