package io.fasttrack.flow.assignment.store;

import io.fasttrack.flow.testing.BlockedCall;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.fasttrack.flow.kit.store.SqlCounters;
import io.fasttrack.flow.kit.time.SettableClock;
import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The decider lease against the service's database (H2 here): two instances of {@link DeciderLease} on a row of
 * the test's own (the running service holds the row {@code assignment}), one clock the test moves.
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafkaBroker.class)
class DeciderLeaseTest {

    private static final Duration LEASE = Duration.ofSeconds(10);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SqlCounters counters;

    private final SettableClock clock = new SettableClock();
    private final String name = "test-" + UUID.randomUUID();
    private DeciderLease first;
    private DeciderLease second;

    @BeforeEach
    void aFreeLease() throws SQLException {
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into decider_lease (name, holder, expires_at) values (?, null, ?)")) {
            insert.setString(1, name);
            insert.setObject(2, Instant.EPOCH.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
        first = instance("first");
        second = instance("second");
    }

    @Test
    void theFirstInstanceTakesAFreeLeaseAndKeepsIt() {
        assertThat(first.tryAcquire()).isTrue();
        assertThat(first.tryAcquire()).as("asked again by its holder").isTrue();
        assertThat(holderOfRow()).isEqualTo("first");
    }

    @Test
    void anotherInstanceCannotTakeALeaseThatHasNotExpired() {
        first.tryAcquire();
        clock.advance(LEASE.minusSeconds(1));

        assertThat(second.tryAcquire()).isFalse();
        assertThat(holderOfRow()).isEqualTo("first");
    }

    @Test
    void aRenewedLeaseLastsALeaseDurationFromTheRenewal() {
        first.tryAcquire();
        clock.advance(Duration.ofSeconds(8));
        assertThat(first.renew()).isTrue();
        clock.advance(Duration.ofSeconds(8));

        assertThat(second.tryAcquire()).isFalse();
    }

    @Test
    void anotherInstanceTakesOverOnceTheLeaseExpired() {
        first.tryAcquire();
        clock.advance(LEASE.plusSeconds(1));

        assertThat(second.tryAcquire()).isTrue();
        assertThat(holderOfRow()).isEqualTo("second");
        assertThat(first.renew()).as("the former holder renews").isFalse();
        assertThat(first.tryAcquire()).as("the former holder asks again").isFalse();
    }

    @Test
    void aReleasedLeaseIsTakenAtOnce() {
        first.tryAcquire();
        first.release();

        assertThat(second.tryAcquire()).as("taken without waiting for the lease to expire").isTrue();
    }

    @Test
    void aHolderThatLostTheLeaseCannotHoldItInADecidingTransaction() {
        first.tryAcquire();
        clock.advance(LEASE.plusSeconds(1));
        second.tryAcquire();

        assertThat(QuarkusTransaction.requiringNew().call(first::holdInThisTransaction)).isFalse();
        assertThat(QuarkusTransaction.requiringNew().call(second::holdInThisTransaction)).isTrue();
    }

    @Test
    void aLeaseThatExpiredWhileNobodyTookItIsStillItsHolders() {
        first.tryAcquire();
        // e.g. the database did not answer for longer than a lease lasts
        clock.advance(LEASE.multipliedBy(6));

        assertThat(QuarkusTransaction.requiringNew().call(first::holdInThisTransaction)).isTrue();
        assertThat(second.tryAcquire()).isFalse();
    }

    @Test
    void aTakeoverWaitsForTheOpenDecidingTransactionAndThenFindsTheLeaseRenewed() throws Exception {
        first.tryAcquire();
        clock.advance(LEASE.plusSeconds(1));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Boolean> deciding = CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew().call(() -> {
            boolean holds = first.holdInThisTransaction();
            held.countDown();
            commit.await(10, TimeUnit.SECONDS);
            return holds;
        }));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

        // the committed lease has expired: only the row lock of the open transaction stops the takeover
        CompletableFuture<Boolean> takeover = BlockedCall.start(second::tryAcquire).awaitBlocked().result();
        assertThat(takeover).as("the takeover while the deciding transaction is open").isNotDone();
        commit.countDown();

        assertThat(deciding.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(takeover.get(10, TimeUnit.SECONDS)).as("the takeover after the commit").isFalse();
        assertThat(holderOfRow()).isEqualTo("first");
    }

    private DeciderLease instance(String holder) {
        return new DeciderLease(dataSource, counters, clock, LEASE, name, holder);
    }

    private String holderOfRow() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select holder from decider_lease where name = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
