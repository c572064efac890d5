package io.fasttrack.flow.assignment.store;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The rows one change of the assignment state reads and writes. Rows that exist are read set-wise, once per
 * change (one query for every request of a batch); rows the change creates are kept aside and persisted once,
 * at {@link #write()}, with their final fields: a request queued and taken in the same change is never
 * written, one assigned and moved is one insert. Then one flush writes everything (inserts, updates of the rows
 * read, deletes) in JDBC batches.
 */
public final class ChangeRows {

    /** Ids per {@code in (...)} query: a batch of 500 records reads its rows in one query. */
    private static final int IDS_PER_QUERY = 500;
    private static final Comparator<QueuedRequestEntity> DEADLINE_ORDER =
            Comparator.comparing((QueuedRequestEntity row) -> row.slaDeadline).thenComparing(row -> row.requestId);

    private final Rows<AssignmentEntity> assignments = new Rows<>(AssignmentEntity.class, "requestId", row -> row.requestId);
    private final Rows<QueuedRequestEntity> queued = new Rows<>(QueuedRequestEntity.class, "requestId", row -> row.requestId);
    private final Rows<ArchitectEntity> architects = new Rows<>(ArchitectEntity.class, "id", row -> row.id);
    private final List<AssignmentHistoryEntity> history = new ArrayList<>();
    private final List<TenantIdentityEntity> identities = new ArrayList<>();
    private TreeSet<QueuedRequestEntity> waiting;
    /** The first waiting request of each role asked for, as this change leaves the queue; empty when none waits. */
    private final Map<String, Optional<QueuedRequestEntity>> firstWaiting = new HashMap<>();
    private int queueLengthChange;

    /** Reads the assignment rows of these requests that exist and were not read yet: one query. */
    public void readAssignments(Collection<String> requestIds) {
        assignments.read(requestIds);
    }

    /** Reads the queued rows of these requests that exist and were not read yet: one query. */
    public void readQueued(Collection<String> requestIds) {
        queued.read(requestIds);
    }

    /** Reads the roster rows of these architects that exist and were not read yet: one query. */
    public void readArchitects(Collection<String> architectIds) {
        architects.read(architectIds);
    }

    /** The request's assignment row, read now if {@link #readAssignments} did not cover it. */
    public Optional<AssignmentEntity> assignment(String requestId) {
        return assignments.get(requestId);
    }

    /** A new assignment row, for a request that has none: persisted at the end, without a look first. */
    public AssignmentEntity newAssignment(String requestId) {
        AssignmentEntity row = new AssignmentEntity();
        row.requestId = requestId;
        return assignments.create(requestId, row);
    }

    public void addHistory(AssignmentHistoryEntity entry) {
        history.add(entry);
    }

    public void addIdentity(TenantIdentityEntity identity) {
        identities.add(identity);
    }

    /** The request's queued row, read now if {@link #readQueued} did not cover it. */
    public Optional<QueuedRequestEntity> queued(String requestId) {
        return queued.get(requestId);
    }

    /** A new queued row, persisted at the end unless the same change takes it out of the queue again. */
    public void queue(QueuedRequestEntity row) {
        queued.create(row.requestId, row);
        if (waiting != null) {
            waiting.add(row);
        }
        Optional<QueuedRequestEntity> first = firstWaiting.get(row.role);
        if (first != null && row.snapshot != null && (first.isEmpty() || DEADLINE_ORDER.compare(row, first.get()) < 0)) {
            firstWaiting.put(row.role, Optional.of(row));
        }
        queueLengthChange++;
    }

    /** Takes a row out of the queue: deleted if it existed, never written if this change created it. */
    public void dequeue(QueuedRequestEntity row) {
        queued.remove(row.requestId, row);
        if (waiting != null) {
            waiting.remove(row);
        }
        Optional<QueuedRequestEntity> first = firstWaiting.get(row.role);
        if (first != null && first.isPresent() && first.get() == row) {
            firstWaiting.remove(row.role);
        }
        queueLengthChange--;
    }

    /**
     * The first waiting request of the role whose RequestSubmitted is known, as this change leaves the queue: one
     * indexed query per role and change, kept up to date by {@link #queue} and {@link #dequeue}.
     */
    public Optional<QueuedRequestEntity> firstWaiting(String role) {
        Optional<QueuedRequestEntity> known = firstWaiting.get(role);
        if (known != null) {
            return known;
        }
        Optional<QueuedRequestEntity> first;
        if (waiting != null) {
            first = waiting.stream().filter(row -> row.role.equals(role) && row.snapshot != null).findFirst();
        } else {
            first = Stream.concat(
                    QueuedRequestEntity.firstKnownOfRole(role, queued.removedCount() + 1).stream()
                            .filter(row -> !queued.isRemoved(row.requestId)),
                    queued.created().stream().filter(row -> row.role.equals(role) && row.snapshot != null))
                    .min(DEADLINE_ORDER);
        }
        firstWaiting.put(role, first);
        return first;
    }

    /** A waiting row learnt its request (rebuilt from the log before the RequestSubmitted): it may be first now. */
    public void described(QueuedRequestEntity row) {
        firstWaiting.remove(row.role);
    }

    /** The waiting requests, earliest SLA deadline first; the queue is read once per change. */
    public List<QueuedRequestEntity> waiting() {
        if (waiting == null) {
            waiting = new TreeSet<>(DEADLINE_ORDER);
            // rows read before by id come back as the same objects: one persistence context per change
            waiting.addAll(QueuedRequestEntity.inDeadlineOrder());
            waiting.removeIf(row -> queued.isRemoved(row.requestId));
            waiting.addAll(queued.created());
        }
        return List.copyOf(waiting);
    }

    /** The architect's roster row, read now if {@link #readArchitects} did not cover it. */
    public Optional<ArchitectEntity> architect(String architectId) {
        return architects.get(architectId);
    }

    /** A new roster row, for an architect the roster does not know: persisted at the end, without a look first. */
    public ArchitectEntity newArchitect(String architectId) {
        ArchitectEntity row = new ArchitectEntity();
        row.id = architectId;
        return architects.create(architectId, row);
    }

    /** How many requests this change added to the queue, less those it took out. */
    public int queueLengthChange() {
        return queueLengthChange;
    }

    /**
     * Persists the rows this change created, one table after the other so that each table's inserts are one JDBC
     * batch, and flushes once.
     */
    public void write() {
        architects.persistCreated();
        assignments.persistCreated();
        history.forEach(entry -> entry.persist());
        queued.persistCreated();
        identities.forEach(identity -> identity.persist());
        Panache.flush();
    }

    /** The rows of one table this change knows: read (or known absent), created, removed. */
    private static final class Rows<E extends PanacheEntityBase> {
        private final Class<E> type;
        private final String idField;
        private final Function<E, String> idOf;
        /** Every id looked up; null for an id without a row. */
        private final Map<String, E> known = new HashMap<>();
        private final Map<String, E> created = new LinkedHashMap<>();
        private final Set<String> removed = new HashSet<>();

        Rows(Class<E> type, String idField, Function<E, String> idOf) {
            this.type = type;
            this.idField = idField;
            this.idOf = idOf;
        }

        void read(Collection<String> ids) {
            List<String> unread = ids.stream().filter(id -> !known.containsKey(id)).distinct().toList();
            for (int from = 0; from < unread.size(); from += IDS_PER_QUERY) {
                List<String> chunk = unread.subList(from, Math.min(unread.size(), from + IDS_PER_QUERY));
                chunk.forEach(id -> known.put(id, null));
                Panache.getEntityManager(type)
                        .createQuery("from " + type.getSimpleName() + " where " + idField + " in :ids", type)
                        .setParameter("ids", chunk).getResultList()
                        .forEach(row -> known.put(idOf.apply(row), row));
            }
        }

        Optional<E> get(String id) {
            read(List.of(id));
            return Optional.ofNullable(known.get(id));
        }

        E create(String id, E row) {
            known.put(id, row);
            created.put(id, row);
            removed.remove(id);
            return row;
        }

        void remove(String id, E row) {
            known.put(id, null);
            if (created.remove(id) == null) {
                removed.add(id);
                row.delete();
            }
        }

        boolean isRemoved(String id) {
            return removed.contains(id);
        }

        int removedCount() {
            return removed.size();
        }

        Collection<E> created() {
            return created.values();
        }

        void persistCreated() {
            created.values().forEach(row -> row.persist());
        }
    }
}
