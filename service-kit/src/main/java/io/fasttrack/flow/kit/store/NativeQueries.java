package io.fasttrack.flow.kit.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Map;

/** Native SQL that a view counts with in the database: its rows, with named parameters, and its counts as ints. */
public final class NativeQueries {

    private NativeQueries() {
    }

    /** The rows of {@code sql} with every named parameter bound; each row is one array of its columns. */
    public static List<Object[]> rows(EntityManager entityManager, String sql, Map<String, ?> parameters) {
        Query query = entityManager.createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows;
    }

    /** A count or sum column: the database's number type (long, BigInteger, BigDecimal, by database) as an int. */
    public static int count(Object column) {
        return ((Number) column).intValue();
    }
}
