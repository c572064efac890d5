package io.fasttrack.flow.assignment.domain;

import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.Workload;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Decisions per second of the balancer alone (no Kafka, no database) at 100, 1,000 and 10,000 architects.
 * Each operation decides a request, opens the assignment and closes the oldest open one, so loads stay in
 * a steady state around half of capacity. Run: see the module README.
 */
public final class BalancerBenchmark {

    private static final Instant START = Instant.parse("2026-11-02T08:00:00Z");
    private static final ArchitectRole[] ROLES = {ArchitectRole.ALIGNMENT_FTA, ArchitectRole.GET_MODERN_FTA, ArchitectRole.FTCHELP};
    private static final RequestType[] TYPES = RequestType.values();

    private BalancerBenchmark() {
    }

    public static void main(String[] args) {
        int[] sizes = {100, 1_000, 10_000};
        long measureMillis = args.length > 0 ? Long.parseLong(args[0]) : 3_000;
        System.out.println("warm-up...");
        for (int size : sizes) {
            run(size, 1_000);
        }
        System.out.printf("%-12s %-22s %-22s%n", "architects", "decisions/s", "decide+assign+release/s");
        for (int size : sizes) {
            double[] result = run(size, measureMillis);
            System.out.printf("%-12d %-22.0f %-22.0f%n", size, result[0], result[1]);
        }
    }

    /** Returns {decide only per second, full cycle per second}. */
    private static double[] run(int architects, long millis) {
        Balancer balancer = new Balancer(WeightPolicy.specDefaults(), 5);
        List<Set<Workload>> skillSets = skillSets();
        for (int i = 0; i < architects; i++) {
            balancer.upsertArchitect(new Architect("a" + i, "a" + i, ROLES[i % 3], Region.values()[(i / 3) % 3],
                    ZoneId.of("Europe/Berlin"), 6 + i % 10, skillSets.get(i % skillSets.size()), "tm", null, null), START);
        }
        Deque<String> open = new ArrayDeque<>();
        int target = architects * 3;
        long deadline = System.nanoTime() + Duration.ofMillis(millis).toNanos();
        long cycles = 0;
        long decideNanos = 0;
        long started = System.nanoTime();
        Instant at = START;
        while (System.nanoTime() < deadline) {
            int i = (int) cycles;
            at = at.plusSeconds(1);
            AssignmentRequest request = new AssignmentRequest("r" + cycles, "t" + (i % 5_000), TYPES[i % TYPES.length],
                    i % 3 == 2 ? RequestQueue.FTCHELP : RequestQueue.FTA, i % 7 == 0, Region.values()[i % 3],
                    List.of(Workload.values()[i % 13], Workload.values()[(i * 7) % 13]));
            long before = System.nanoTime();
            Decision decision = balancer.decide(request, at, Set.of());
            decideNanos += System.nanoTime() - before;
            if (decision.assigned()) {
                balancer.assign(request.requestId(), decision.architectId(), request.tenantId(), decision.weight(), at);
                open.addLast(request.requestId());
            }
            while (open.size() > target / 2 || (!decision.assigned() && !open.isEmpty())) {
                balancer.release(open.removeFirst());
                if (decision.assigned()) {
                    break;
                }
                decision = balancer.decide(request, at, Set.of());
            }
            cycles++;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new double[] {cycles / (decideNanos / 1e9), cycles / seconds};
    }

    private static List<Set<Workload>> skillSets() {
        List<Set<Workload>> sets = new ArrayList<>();
        Workload[] all = Workload.values();
        for (int i = 0; i < 24; i++) {
            sets.add(EnumSet.of(all[i % 13], all[(i * 5 + 3) % 13], all[(i * 3 + 1) % 13]));
        }
        return sets;
    }
}
