package io.fasttrack.flow.health.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The rows of one table that a batch of events touches: those that exist are read with one query before the
 * batch is applied, those the batch creates are kept in memory and persisted once, after its last event, so
 * each insert carries the row's final state (no insert then update) and all of them go out as one JDBC batch.
 * Rows that existed are written back by Hibernate's dirty checking at the commit, batched as well.
 */
public final class BatchRows<E extends PanacheEntityBase> {

    private final Map<String, E> rows;
    private final List<E> created = new ArrayList<>();

    /** @param existing the rows read for the batch, by primary key (mutable: created rows join it) */
    public BatchRows(Map<String, E> existing) {
        this.rows = existing;
    }

    /** The row with this key, created (not yet persisted) when neither the table nor the batch had it. */
    public E getOrCreate(String key, Function<String, E> create) {
        return rows.computeIfAbsent(key, absent -> {
            E row = create.apply(absent);
            created.add(row);
            return row;
        });
    }

    /** Persists the rows this batch created; called once, after its last event. */
    public void persistCreated() {
        created.forEach(row -> row.persist());
        created.clear();
    }
}
