package io.fasttrack.flow.intake.store;

import io.fasttrack.flow.intake.domain.RequestStatus;
import io.fasttrack.flow.kit.api.Paging;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads of the request-status projection. Rows still waiting for their RequestSubmitted are not shown. */
@ApplicationScoped
public class RequestQueries {

    /** A request is stalled while its status is the step of the stall the projection applied. */
    private static final String STALLED = "stalledStep = status";
    private static final String NOT_STALLED = "(stalledStep is null or stalledStep <> status)";

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RequestRecord> find(String requestId) {
        return RequestRecord.<RequestRecord>findByIdOptional(requestId).filter(RequestRecord::isSubmitted);
    }

    /** One page of the matching requests, newest first, and how many match in all; a null filter matches every request. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Paging.Page<RequestRecord> list(String tenantId, RequestStatus status, Boolean stalled, Paging paging) {
        StringBuilder where = new StringBuilder("submittedAt is not null");
        Parameters parameters = new Parameters();
        if (tenantId != null) {
            where.append(" and tenantId = :tenantId");
            parameters.and("tenantId", tenantId);
        }
        if (status != null) {
            where.append(" and status = :status");
            parameters.and("status", status);
        }
        if (stalled != null) {
            where.append(" and ").append(stalled ? STALLED : NOT_STALLED);
        }
        PanacheQuery<RequestRecord> query = RequestRecord.find(where.toString(),
                Sort.descending("submittedAt").and("id"), parameters);
        int last = (int) Math.min(Integer.MAX_VALUE, (long) paging.offset() + paging.size() - 1);
        return paging.of(query.range(paging.offset(), last).list(), query.count());
    }

    /** Whether a request stands under this tenant id now (a placeholder's requests move to its real tenant). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean anyRequestOf(String tenantId) {
        return RequestRecord.find("submittedAt is not null and tenantId = ?1", tenantId).firstResultOptional().isPresent();
    }

    /** How many requests are stalled now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long countStalled() {
        return RequestRecord.count("submittedAt is not null and " + STALLED);
    }

    /**
     * Up to {@code limit} requests at one of {@code steps} since {@code reachedBy} or earlier and not stalled there yet,
     * the longest waiting first.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RequestRecord> stallCandidates(Set<RequestStatus> steps, Instant reachedBy, int limit) {
        return RequestRecord.<RequestRecord>find("submittedAt is not null and status in :steps"
                        + " and statusSince <= :reachedBy and " + NOT_STALLED,
                Sort.ascending("statusSince").and("id"), Parameters.with("steps", steps).and("reachedBy", reachedBy))
                .range(0, limit - 1).list();
    }
}
