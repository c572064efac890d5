package io.fasttrack.flow.intake.store;

import io.fasttrack.flow.intake.domain.RequestStatus;
import io.fasttrack.flow.kit.api.Paging;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Reads of the request-status projection. Rows still waiting for their RequestSubmitted are not shown. */
@ApplicationScoped
public class RequestQueries {

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RequestRecord> find(String requestId) {
        return RequestRecord.<RequestRecord>findByIdOptional(requestId).filter(RequestRecord::isSubmitted);
    }

    /** One page of the matching requests, newest first, and how many match in all. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Paging.Page<RequestRecord> list(String tenantId, RequestStatus status, Paging paging) {
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
        PanacheQuery<RequestRecord> query = RequestRecord.find(where.toString(),
                Sort.descending("submittedAt").and("id"), parameters);
        int last = (int) Math.min(Integer.MAX_VALUE, (long) paging.offset() + paging.size() - 1);
        return paging.of(query.range(paging.offset(), last).list(), query.count());
    }
}
