package io.fasttrack.flow.assignment.domain;

import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestType;
import io.fasttrack.flow.events.model.Workload;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decisions per second of the balancer alone (no Kafka, no database) at 100, 1,000 and 10,000 architects.
 * Each operation decides a request, opens the assignment and closes the oldest open one, so loads stay in
 * a steady state around 30 % of capacity. Times are the benchmark thread's CPU time, so that other
 * processes on a shared machine distort them less than wall-clock time would. Run: see the module README.
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
        System.out.printf("%-12s %-26s %-30s%n", "architects", "decisions per CPU-second", "decide+assign+release per CPU-s");
        for (int size : sizes) {
            double[] result = run(size, measureMillis);
            System.out.printf("%-12d %-26.0f %-30.0f%n", size, result[0], result[1]);
        }
    }

    /** Returns {decide only per second, full cycle per second}. */
    private static double[] run(int architects, long millis) {
        Balancer balancer = new Balancer(WeightPolicy.specDefaults(), 5, Duration.ofDays(180));
        List<Set<Workload>> skillSets = skillSets();
        for (int i = 0; i < architects; i++) {
            balancer.upsertArchitect(new Architect("a" + i, "a" + i, ROLES[i % 3], Region.values()[(i / 3) % 3],
                    ZoneId.of("Europe/Berlin"), 6 + i % 10, skillSets.get(i % skillSets.size()), "tm", null, null), START);
        }
        Deque<String> open = new ArrayDeque<>();
        int steadyOpen = architects * 2;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long deadline = System.nanoTime() + Duration.ofMillis(millis).toNanos();
        long operations = 0;
        long decideNanos = 0;
        long startedCpu = cpu.getCurrentThreadCpuTime();
        Instant at = START;
        while (System.nanoTime() < deadline) {
            int i = (int) operations;
            at = at.plusSeconds(1);
            AssignmentRequest request = new AssignmentRequest("r" + operations, "t" + (i % 5_000), TYPES[i % TYPES.length],
                    i % 3 == 2 ? RequestQueue.FTCHELP : RequestQueue.FTA, i % 7 == 0, Region.values()[i % 3],
                    List.of(Workload.values()[i % 13], Workload.values()[(i * 7) % 13]));
            long before = cpu.getCurrentThreadCpuTime();
            Decision decision = balancer.decide(request, at, Map.of());
            decideNanos += cpu.getCurrentThreadCpuTime() - before;
            if (decision.assigned()) {
                balancer.assign(request.requestId(), decision.architectId(), request.tenantId(), decision.weight(), at);
                open.addLast(request.requestId());
            }
            if (open.size() > steadyOpen) {
                balancer.release(open.removeFirst(), at);
            }
            operations++;
        }
        double cpuSeconds = (cpu.getCurrentThreadCpuTime() - startedCpu) / 1e9;
        return new double[] {operations / (decideNanos / 1e9), operations / cpuSeconds};
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
