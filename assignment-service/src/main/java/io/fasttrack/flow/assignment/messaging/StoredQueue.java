package io.fasttrack.flow.assignment.messaging;

import io.fasttrack.flow.assignment.domain.WaitingQueue;
import io.fasttrack.flow.assignment.domain.WaitingRequest;
import io.fasttrack.flow.assignment.store.ChangeRows;
import io.fasttrack.flow.assignment.store.QueuedRequestEntity;
import io.fasttrack.flow.assignment.store.StoredJson;
import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.RequestSnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The waiting requests of one change as the policy reads them: the queued rows whose RequestSubmitted is known (a row
 * rebuilt from the log before its request cannot be decided yet), each snapshot parsed once.
 */
final class StoredQueue implements WaitingQueue {

    private final ChangeRows rows;
    private final Map<String, QueuedRequestEntity> read = new HashMap<>();
    private final Map<String, RequestSnapshot> snapshots = new HashMap<>();

    StoredQueue(ChangeRows rows) {
        this.rows = rows;
    }

    @Override
    public Optional<WaitingRequest> head(ArchitectRole role) {
        return rows.firstWaiting(role.name()).map(this::waiting);
    }

    @Override
    public List<WaitingRequest> inServingOrder() {
        return rows.waiting().stream().filter(row -> row.snapshot != null).map(this::waiting).toList();
    }

    QueuedRequestEntity row(String requestId) {
        return read.get(requestId);
    }

    RequestSnapshot snapshot(String requestId) {
        return snapshots.get(requestId);
    }

    private WaitingRequest waiting(QueuedRequestEntity row) {
        read.put(row.requestId, row);
        RequestSnapshot snapshot = snapshots.computeIfAbsent(row.requestId,
                id -> StoredJson.read(row.snapshot, RequestSnapshot.class));
        return new WaitingRequest(Snapshots.toRequest(snapshot), ArchitectRole.valueOf(row.role), row.slaDeadline);
    }
}
