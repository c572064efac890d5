package io.fasttrack.flow.intake.store;

import io.fasttrack.flow.intake.domain.RequestStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Reads of the request-status projection. Rows still waiting for their RequestSubmitted are not shown. */
@ApplicationScoped
public class RequestQueries {

    /** One page of requests and how many match in all. */
    public record ResultPage(List<RequestRecord> items, long total) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RequestRecord> find(String requestId) {
        return RequestRecord.<RequestRecord>findByIdOptional(requestId).filter(RequestRecord::isSubmitted);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ResultPage list(String tenantId, RequestStatus status, int page, int size) {
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
        return new ResultPage(query.page(Page.of(page, size)).list(), query.count());
    }
}
