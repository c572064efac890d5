package io.fasttrack.flow.assignment.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

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

    public static void save(Instant clock) {
        BalancerClockEntity row = findById(SINGLE_ROW);
        if (row == null) {
            row = new BalancerClockEntity();
            row.id = SINGLE_ROW;
            row.clock = clock;
            row.persist();
        } else {
            row.clock = clock;
        }
    }
}
