package io.fasttrack.flow.kit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The processed-event SQL against a real H2 database with the table every service keeps. */
class ProcessedEventsTest {

    private Connection connection;

    @BeforeEach
    void createTable() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:processed-" + UUID.randomUUID());
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("create table processed_event (event_id uuid primary key, processed_at timestamp with time zone not null)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void idsRecordedInOneBatchAreFoundByOneQuery() throws SQLException {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();

        assertThat(ProcessedEvents.recordApplied(connection, List.of(first, second, first), Instant.now())).isEqualTo(1);
        Set<UUID> applied = new HashSet<>();
        int queries = ProcessedEvents.alreadyApplied(connection, List.of(first, unknown, second), applied);

        assertThat(queries).isEqualTo(1);
        assertThat(applied).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void recordingAnIdAgainKeepsTheFirstRecord() throws SQLException {
        UUID id = UUID.randomUUID();
        Instant first = Instant.parse("2026-12-01T10:00:00Z");

        ProcessedEvents.recordApplied(connection, List.of(id), first);
        ProcessedEvents.recordApplied(connection, List.of(id, UUID.randomUUID()), first.plusSeconds(60));

        try (Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery("select count(*), min(processed_at) from processed_event")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(2);
            assertThat(rows.getObject(2, java.time.OffsetDateTime.class).toInstant()).isEqualTo(first);
        }
    }

    @Test
    void aLargeBatchIsLookedUpInChunks() throws SQLException {
        List<UUID> ids = new ArrayList<>();
        IntStream.range(0, ProcessedEvents.IDS_PER_QUERY * 2 + 1).forEach(i -> ids.add(UUID.randomUUID()));
        ProcessedEvents.recordApplied(connection, ids.subList(0, 700), Instant.now());

        Set<UUID> applied = new HashSet<>();
        int queries = ProcessedEvents.alreadyApplied(connection, ids, applied);

        assertThat(queries).isEqualTo(3);
        assertThat(applied).hasSize(700).containsAll(ids.subList(0, 700));
    }
}
