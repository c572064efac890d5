package io.fasttrack.flow.assignment.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The balancer's clock, one row that the schema creates (migration V3_1), so a restart resumes with the same notion of "now". */
@Entity
@Table(name = "balancer_clock")
public class BalancerClockEntity extends PanacheEntityBase {

    private static final int SINGLE_ROW = 1;

    @Id
    public Integer id;
    public Instant clock;

    public static Instant load() {
        BalancerClockEntity row = findById(SINGLE_ROW);
        return row == null ? Instant.EPOCH : row.clock;
    }

    /** One update statement. */
    public static void save(Instant clock) {
        update("clock = ?1 where id = ?2", clock, SINGLE_ROW);
    }
}
