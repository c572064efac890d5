package io.fasttrack.flow.events;

import io.fasttrack.flow.events.model.ArchitectRef;
import io.fasttrack.flow.events.model.FtopTask;
import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** An engagement was opened for an assignment, with its FTOP task list. Topic: engagements; key: tenant id. */
public record EngagementOpened(
        String engagementId,
        String requestId,
        String tenantId,
        ArchitectRef architect,
        RequestType requestType,
        RequestQueue queue,
        List<FtopTask> tasks,
        Instant openedAt) implements EventData {

    public EngagementOpened {
        Objects.requireNonNull(engagementId, "engagementId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(tenantId, "tenantId");
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    @Override
    public String subject() {
        return tenantId;
    }
}
