package io.fasttrack.flow.events;

import io.fasttrack.flow.events.model.FtopTask;
import java.time.Instant;
import java.util.Objects;

/** An FTOP task of an engagement was completed. Topic: engagements; key: tenant id. */
public record TaskCompleted(
        String engagementId,
        String requestId,
        String tenantId,
        String architectId,
        FtopTask task,
        String completedBy,
        Instant completedAt) implements EventData {

    public TaskCompleted {
        Objects.requireNonNull(engagementId, "engagementId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(task, "task");
    }

    @Override
    public String subject() {
        return tenantId;
    }
}
