package io.fasttrack.flow.kit.store;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionScoped;
import java.util.concurrent.atomic.LongAdder;
import org.hibernate.SessionFactory;

/**
 * How many SQL statements and database transactions the service ran, as {@code fasttrack_sql_statements_total}
 * and {@code fasttrack_db_transactions_total}: what a request costs is read off these, not guessed. Statements
 * are the kit's own JDBC round trips (a batch counts once) plus those Hibernate prepared (its statistics are
 * on); transactions are every JTA transaction begun.
 */
@ApplicationScoped
@Startup
public class SqlCounters {

    private final LongAdder jdbcStatements = new LongAdder();
    private final LongAdder transactions = new LongAdder();
    private final Instance<SessionFactory> sessionFactory;

    @Inject
    SqlCounters(MeterRegistry meters, Instance<SessionFactory> sessionFactory) {
        this.sessionFactory = sessionFactory;
        FunctionCounter.builder("fasttrack.sql.statements", this, SqlCounters::statements)
                .description("SQL statements run: JDBC round trips of the kit plus statements Hibernate prepared")
                .register(meters);
        FunctionCounter.builder("fasttrack.db.transactions", this, SqlCounters::transactions)
                .description("database transactions begun").register(meters);
    }

    /** Counts {@code count} JDBC round trips made outside Hibernate. */
    public void ran(int count) {
        jdbcStatements.add(count);
    }

    void transactionBegun(@Observes @Initialized(TransactionScoped.class) Object transaction) {
        transactions.increment();
    }

    public double statements() {
        long hibernate = sessionFactory.isResolvable() && sessionFactory.get().getStatistics().isStatisticsEnabled()
                ? sessionFactory.get().getStatistics().getPrepareStatementCount() : 0;
        return jdbcStatements.sum() + hibernate;
    }

    public double transactions() {
        return transactions.sum();
    }
}
