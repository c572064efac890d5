package io.fasttrack.flow.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The pipeline load generator. Registers architects (capacity large enough that nothing queues), then submits
 * requests over HTTP at fixed rates and finally as fast as it can with a bounded number of requests in flight
 * end to end, and times each from the moment it was due to be sent until its EngagementOpened appears on the
 * engagements topic.
 *
 * <p>Coordinated omission: at a fixed rate request {@code i} is due at {@code t0 + i / rate}, and every latency
 * is measured from that due time, not from when the generator got round to sending it; a stalled system
 * therefore shows up in the percentiles instead of silently lowering the offered load.
 *
 * <p>Steady state: after the probe and a warm-up (not counted), the measured phases run in {@code --repeats}
 * rounds, each round the idle phase, every fixed rate in the order given and the saturation phase; after every
 * phase the generator waits until every consumer has caught up, so no phase starts behind another's backlog.
 * Rounds (rather than each phase three times in a row) spread whatever drifts during a run (the databases grow,
 * the JIT settles, another process wakes up) over every phase alike.
 *
 * <p>After each measured phase, once the consumers have caught up, it reads every service's SQL statement and
 * transaction counters ({@code /q/metrics}) and every process's CPU time, and prints what one accepted request
 * cost each database and each process (the broker, the services and, apart, the generator itself); at the end
 * the min / median / max of each figure over the repeats, and the marginal CPU of a request between consecutive
 * rates.
 *
 * <p>Prints one block per phase and, with {@code --summary FILE}, writes the figures as {@code key=value} lines
 * for deploy/bench/run: the median over the repeats under each figure's key, its min and max under
 * {@code <key>.min} and {@code <key>.max} (see {@link Summary}).
 */
public final class PipelineBench {

    private static final PrintStream OUT = System.out;

    private final String runPrefix;
    private final URI requestsUri;
    private final String assignmentBase;
    /** "Bearer <token>": the manager token registers architects, it also reads them and submits requests. */
    private final String authorization;
    private final String bootstrap;
    private final Bodies.Kind kind;
    private final String architectsOption;
    private final String architectPrefix;
    private final int capacity;
    private final int saturationRateGuess;
    private int architects;
    private final Duration timeout;
    private final Duration settleLimit;
    private final Duration idle;
    private final int maxInFlight;
    private final HttpClient client;
    private final TopicOffsets offsets;
    private final ProcessCpu cpu;
    private final DatabaseCounters database;
    private final EventObserver observer;
    private final long baseNanos;
    private final long baseEpochMicros;
    private final Summary summary = new Summary();
    /** CPU of each measured phase's repeats, by phase key ({@code rate500}), in the order the phases first ran. */
    private final Map<String, List<CpuCost.Window>> cpuByPhase = new LinkedHashMap<>();
    /** Database work of each measured phase's repeats, by phase key. */
    private final Map<String, List<DatabaseCounters.PerRequest>> databaseByPhase = new LinkedHashMap<>();
    private volatile Phase current;

    private PipelineBench(Args args) {
        String intake = args.get("intake", "http://127.0.0.1:8081");
        assignmentBase = args.get("assignment", "http://127.0.0.1:8082");
        authorization = "Bearer " + args.get("token", "");
        bootstrap = args.get("bootstrap", "127.0.0.1:9092");
        requestsUri = URI.create(intake + "/requests");
        kind = Bodies.Kind.valueOf(args.get("request-type", "DISCOVERY_WORKSHOP"));
        architectsOption = args.get("architects", "auto");
        architectPrefix = args.get("architect-prefix", "bench-" + kind.role.toLowerCase(Locale.ROOT).replace('_', '-') + "-");
        capacity = args.getInt("capacity", 1000);
        saturationRateGuess = args.getInt("saturation-rate-guess", 1000);
        timeout = args.getDuration("timeout", Duration.ofSeconds(120));
        settleLimit = args.getDuration("settle-limit", Duration.ofSeconds(600));
        idle = args.getDuration("idle", Duration.ofSeconds(10));
        maxInFlight = args.getInt("max-in-flight", 1000);
        runPrefix = args.get("run-id", "bench-" + Long.toString(System.currentTimeMillis(), 36)) + "-";
        String topicPrefix = args.get("topic-prefix", "fasttrack.");
        String requestsTopic = args.get("topic-requests", "fasttrack.requests");
        String assignmentsTopic = args.get("topic-assignments", "fasttrack.assignments");
        String engagementsTopic = args.get("topic-engagements", "fasttrack.engagements");
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(2, daemon("http-client")))
                .build();
        offsets = new TopicOffsets(bootstrap, topicPrefix);
        Map<String, String> services = new LinkedHashMap<>();
        services.put("intake", intake);
        services.put("assignment", assignmentBase);
        services.put("engagement", args.get("engagement", "http://127.0.0.1:8083"));
        services.put("health", args.get("health", "http://127.0.0.1:8084"));
        database = new DatabaseCounters(client, authorization, services);
        cpu = new ProcessCpu(args.get("pids", null));
        observer = new EventObserver(bootstrap, List.of(requestsTopic, assignmentsTopic, engagementsTopic),
                engagementsTopic, runPrefix);
        Instant now = Instant.now();
        baseNanos = System.nanoTime();
        baseEpochMicros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        List<Integer> rates = args.getIntList("rates", "100,500,1000");
        Duration duration = args.getDuration("duration", Duration.ofSeconds(30));
        int warmupRate = args.getInt("warmup-rate", 200);
        Duration warmup = args.getDuration("warmup", Duration.ofSeconds(60));
        int repeats = Math.max(1, args.getInt("repeats", 3));
        int concurrency = args.getInt("concurrency", 512);
        Duration saturation = args.getDuration("saturation", Duration.ofSeconds(30));
        int saturationMax = args.getInt("saturation-max-requests", 400_000);
        String summaryFile = args.get("summary", null);
        String onSaturationStart = args.get("on-saturation-start", null);
        String onSaturationEnd = args.get("on-saturation-end", null);
        PipelineBench bench = new PipelineBench(args);
        args.rejectUnknown();
        int exit = bench.run(rates, duration, warmupRate, warmup, repeats, concurrency, saturation, saturationMax,
                onSaturationStart, onSaturationEnd);
        if (summaryFile != null) {
            bench.writeSummary(Path.of(summaryFile));
        }
        System.exit(exit);
    }

    private int run(List<Integer> rates, Duration duration, int warmupRate, Duration warmup, int repeats,
            int concurrency, Duration saturation, int saturationMax, String onSaturationStart, String onSaturationEnd)
            throws Exception {
        long perRound = (long) saturationRateGuess * (saturation.toSeconds() + idle.toSeconds());
        for (int rate : rates) {
            perRound += (long) rate * duration.toSeconds();
        }
        long planned = 1 + (long) warmupRate * warmup.toSeconds() + repeats * perRound;
        // enough capacity that nothing queues: every planned request's weight, plus a fifth
        architects = architectsOption.equals("auto")
                ? (int) Math.max(10, (planned * kind.weight * 6 / 5 + capacity - 1) / capacity)
                : Integer.parseInt(architectsOption);
        OUT.printf(Locale.ROOT, "pipeline benchmark %s: %s requests to %s, %d %s architects x capacity %d (room for %d "
                + "requests of weight %d; %d planned at up to %d req/s when saturated), timeout %d s, %d cores%n",
                runPrefix.substring(0, runPrefix.length() - 1), kind, requestsUri, architects, kind.role, capacity,
                (long) architects * capacity / kind.weight, kind.weight, planned, saturationRateGuess,
                timeout.toSeconds(), Runtime.getRuntime().availableProcessors());
        OUT.printf(Locale.ROOT, "plan: probe, warm-up %d s at %d req/s (not counted), then %d round(s) of: idle %d s (one "
                + "request in flight), %s for %d s each, saturation %d s (%d in flight); every phase waits for the "
                + "consumers to catch up%n", warmup.toSeconds(), warmupRate, repeats, idle.toSeconds(),
                rates.stream().map(rate -> rate + " req/s").toList(), duration.toSeconds(), saturation.toSeconds(), concurrency);
        summary.text("repeats", Integer.toString(repeats));
        registerArchitects();

        Thread observerThread = new Thread(observer, "event-observer");
        observerThread.setDaemon(true);
        observerThread.start();
        Thread sweeper = new Thread(this::sweepForever, "timeout-sweeper");
        sweeper.setDaemon(true);
        sweeper.start();

        int index = 0;
        Phase probe = fixed(new Phase("probe", index++, 1, 1), 1, Duration.ofSeconds(1), false);
        if (probe.completed.get() != 1) {
            OUT.println("probe: the one request sent did not reach EngagementOpened within " + timeout.toSeconds()
                    + " s (HTTP status " + probe.statusCounts + (probe.firstError.get() == null ? "" : ", " + probe.firstError.get())
                    + "); is every service up, and do the architects exist?");
            stop(observerThread);
            return 1;
        }
        OUT.printf(Locale.ROOT, "probe: one request opened its engagement in %.1f ms%n%n",
                (probe.opened.get(0) - probe.intended.get(0)) / 1e6);
        if (!warmup.isZero() && warmupRate > 0) {
            fixed(new Phase("warmup", index++, warmupRate, (int) (warmupRate * warmup.toMillis() / 1000) + 1),
                    warmupRate, warmup, true);
        }
        for (int round = 1; round <= repeats; round++) {
            int repeat = repeats > 1 ? round : 0;
            if (!idle.isZero()) {
                // one request at a time on a warm, drained stack: what one request costs when nothing queues
                closedLoop(new Phase("idle", repeat, index++, 0, 100_000), 1, idle, "one at a time");
            }
            for (int rate : rates) {
                fixed(new Phase("rate" + rate, repeat, index++, rate, (int) (rate * duration.toMillis() / 1000) + 1),
                        rate, duration, true);
            }
            if (concurrency > 0 && !saturation.isZero()) {
                // the profile (a few per cent of overhead) covers the last round's saturation phase only
                boolean profiled = round == repeats;
                if (profiled) {
                    hook("on-saturation-start", onSaturationStart);
                }
                closedLoop(new Phase("saturation", repeat, index++, 0, saturationMax), concurrency, saturation,
                        "saturation (" + concurrency + " in flight)" + (profiled && onSaturationStart != null ? ", profiled" : ""));
                if (profiled) {
                    hook("on-saturation-end", onSaturationEnd);
                }
            }
        }
        stop(observerThread);
        steadyState(rates, repeats);
        if (observer.undecodable.sum() > 0) {
            OUT.println("warning: " + observer.undecodable.sum() + " records on the engagements topic could not be decoded");
        }
        return 0;
    }

    // ---------------------------------------------------------------- setup

    private void registerArchitects() throws IOException, InterruptedException {
        Map<Integer, Integer> answers = new LinkedHashMap<>();
        String lastId = null;
        for (int i = 1; i <= architects; i++) {
            String id = architectPrefix + i;
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(assignmentBase + "/architects"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", authorization)
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(Bodies.architect(id, kind.role, capacity)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            answers.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() / 100 != 2 && response.statusCode() != 409) {
                throw new IllegalStateException("POST /architects answered " + response.statusCode() + ": " + response.body());
            }
            lastId = id;
        }
        OUT.println("architects: " + architects + " registered (HTTP status counts " + answers
                + "; 409 = already there from an earlier run, with whatever load that run left)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(assignmentBase + "/architects/" + lastId))
                    .header("Authorization", authorization).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        OUT.println("warning: GET /architects/" + lastId + " did not answer 200 within 15 s; going on");
    }

    // ---------------------------------------------------------------- phases

    private Phase fixed(Phase phase, int rate, Duration duration, boolean report) throws InterruptedException {
        observer.register(phase);
        current = phase;
        int count = Math.min(phase.capacity, (int) Math.max(1, rate * duration.toMillis() / 1000));
        Semaphore http = new Semaphore(maxInFlight);
        Map<String, DatabaseCounters.Reading> databaseBefore = database.read();
        Snapshot before = snapshot();
        long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        double interval = 1e9 / rate;
        for (int seq = 0; seq < count; seq++) {
            long due = t0 + (long) (seq * interval);
            long now;
            while ((now = System.nanoTime()) < due) {
                LockSupport.parkNanos(due - now);
            }
            http.acquire();
            phase.intended.set(seq, due);
            phase.issued.incrementAndGet();
            send(phase, seq, http);
        }
        long sendEnd = System.nanoTime();
        drain(phase);
        Snapshot after = snapshot();
        if (report) {
            report(phase, t0, sendEnd, before, after, String.format(Locale.ROOT, "fixed rate %d req/s for %d s",
                    rate, duration.toSeconds()));
        }
        boolean drained = settle(phase);
        if (report) {
            reportCpu(phase, before.cpu, drained);
            String label = rate + " req/s" + (phase.key.equals("rate" + rate) ? "" : " (" + phase.key + ")");
            reportDatabaseWork(phase, label, databaseBefore, drained);
        }
        observer.unregister(phase);
        return phase;
    }

    private void closedLoop(Phase phase, int concurrency, Duration duration, String label) throws InterruptedException {
        observer.register(phase);
        Semaphore permits = new Semaphore(concurrency);
        phase.closedLoopPermits = permits;
        current = phase;
        Map<String, DatabaseCounters.Reading> databaseBefore = database.read();
        Snapshot before = snapshot();
        long t0 = System.nanoTime();
        long end = t0 + duration.toNanos();
        int seq = 0;
        while (seq < phase.capacity && System.nanoTime() < end) {
            if (!permits.tryAcquire(20, TimeUnit.MILLISECONDS)) {
                continue;
            }
            phase.intended.set(seq, System.nanoTime());
            phase.issued.incrementAndGet();
            send(phase, seq, null);
            seq++;
        }
        long sendEnd = System.nanoTime();
        Snapshot atEnd = snapshot();
        drain(phase);
        Snapshot after = snapshot();
        // sustained: completions after the first quarter of the window (ramp-up) up to its end
        long from = t0 + duration.toNanos() / 4;
        int inWindow = 0;
        for (int i = 0; i < phase.issued.get(); i++) {
            long opened = phase.opened.get(i);
            if (phase.state.get(i) == Phase.OPENED && opened >= from && opened <= sendEnd) {
                inWindow++;
            }
        }
        double sustained = inWindow / ((sendEnd - from) / 1e9);
        summary.sample(phase.key + ".sustained_rps", sustained);
        summary.text(phase.key + ".concurrency", Integer.toString(concurrency));
        report(phase, t0, sendEnd, before, after, String.format(Locale.ROOT,
                "as fast as it can: %d requests in flight end to end, %d s", concurrency, duration.toSeconds()));
        OUT.printf(Locale.ROOT, "   sustained end to end %.1f req/s (EngagementOpened seen after the first quarter of the "
                + "window, up to its end); CPU cores during the send window: %s%n%n",
                sustained, ProcessCpu.cores(before.cpu, atEnd.cpu, (sendEnd - t0) / 1e9));
        boolean drained = settle(phase);
        reportCpu(phase, before.cpu, drained);
        reportDatabaseWork(phase, label, databaseBefore, drained);
        observer.unregister(phase);
    }

    private void send(Phase phase, int seq, Semaphore http) {
        String tenant = runPrefix + phase.index + "-" + seq;
        HttpRequest request = HttpRequest.newBuilder(requestsUri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(kind.request(tenant), StandardCharsets.UTF_8))
                .build();
        phase.sent.set(seq, System.nanoTime());
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            long now = System.nanoTime();
            if (http != null) {
                http.release();
            }
            if (error != null) {
                phase.answer(seq, now, -1, null, error.toString());
            } else {
                phase.answer(seq, now, response.statusCode(), Bodies.idOf(response.body()), response.body());
            }
        });
    }

    private void drain(Phase phase) throws InterruptedException {
        long limit = timeout.toNanos();
        while (!phase.sweep(System.nanoTime(), limit)) {
            Thread.sleep(5);
        }
        // an EngagementOpened can be seen before its 202 is: wait for the answers too (the client times them out)
        long deadline = System.nanoTime() + limit + TimeUnit.SECONDS.toNanos(5);
        while (phase.answeredCount.get() < phase.issued.get() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    /**
     * Waits (up to the settle limit) until every consumer of the stack has read every fasttrack topic to its end:
     * a phase above what the pipeline sustains leaves a backlog in the consumers (intake's and health's projections
     * too), even once its own requests have opened or timed out, and the next phase must not start behind it.
     * Offsets are committed every few seconds, so a drained stack shows up with that delay. Answers whether it
     * drained within the limit.
     */
    private boolean settle(Phase phase) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + settleLimit.toNanos();
        long lag = offsets.consumerLag();
        int drainedReads = lag == 0 ? 1 : 0;
        while (drainedReads < 2 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            lag = offsets.consumerLag();
            drainedReads = lag == 0 ? drainedReads + 1 : 0;
        }
        double waited = (System.nanoTime() - start) / 1e9;
        if (lag > 0) {
            OUT.printf(Locale.ROOT, "   (after %s the consumers were still %d records behind when the %d s settle limit ran out)%n%n",
                    phase.name, lag, settleLimit.toSeconds());
        } else {
            OUT.printf(Locale.ROOT, "   (after %s: %.1f s until every consumer had read every topic to its end)%n%n", phase.name, waited);
        }
        return lag == 0;
    }

    private void sweepForever() {
        while (true) {
            Phase phase = current;
            if (phase != null) {
                phase.sweep(System.nanoTime(), timeout.toNanos());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private void hook(String name, String command) throws IOException, InterruptedException {
        if (command == null) {
            return;
        }
        Process process = new ProcessBuilder("bash", "-c", command).inheritIO().start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroy();
            OUT.println("warning: " + name + " hook did not finish in 120 s");
        }
    }

    private void stop(Thread observerThread) throws InterruptedException {
        observer.stop();
        observerThread.join(5000);
        offsets.close();
        if (observer.failure() != null) {
            OUT.println("warning: the event observer failed: " + observer.failure());
        }
    }

    // ---------------------------------------------------------------- figures

    private record Snapshot(long nanos, Map<String, Long> offsets, Map<String, Double> cpu) {
    }

    private Snapshot snapshot() {
        return new Snapshot(System.nanoTime(), offsets.endOffsets(), cpu.snapshot());
    }

    private void report(Phase phase, long t0, long sendEnd, Snapshot before, Snapshot after, String title) {
        Histogram e2e = histogram();
        Histogram ack = histogram();
        Histogram lag = histogram();
        Histogram toSubmitted = histogram();
        Histogram submittedToAck = histogram();
        Histogram toAssigned = histogram();
        Histogram toOpened = histogram();
        Histogram toObserved = histogram();
        int sent = phase.issued.get();
        int accepted = 0;
        int errors = 0;
        int timeouts = 0;
        int mismatches = 0;
        long timeoutMicros = timeout.toNanos() / 1000;
        for (int i = 0; i < sent; i++) {
            long intended = phase.intended.get(i);
            int state = phase.state.get(i);
            if (phase.status.get(i) == 202) {
                accepted++;
                ack.recordValue(micros(phase.answered.get(i) - intended));
            }
            lag.recordValue(micros(phase.sent.get(i) - intended));
            switch (state) {
                case Phase.OPENED -> e2e.recordValue(micros(phase.opened.get(i) - intended));
                case Phase.TIMED_OUT -> {
                    timeouts++;
                    e2e.recordValue(timeoutMicros);
                }
                case Phase.FAILED -> errors++;
                default -> {
                }
            }
            String answeredId = phase.requestIds.get(i);
            String eventId = phase.eventRequestIds.get(i);
            if (answeredId != null && eventId != null && !answeredId.equals(eventId)) {
                mismatches++;
            }
            double intendedMs = epochMillis(intended);
            long submitted = phase.submittedAt.get(i);
            long assigned = phase.assignedAt.get(i);
            long opened = phase.openedAt.get(i);
            if (submitted > 0) {
                toSubmitted.recordValue(msToMicros(submitted - intendedMs));
                if (phase.status.get(i) == 202) {
                    submittedToAck.recordValue(msToMicros(epochMillis(phase.answered.get(i)) - submitted));
                }
            }
            if (submitted > 0 && assigned > 0) {
                toAssigned.recordValue(msToMicros(assigned - submitted));
            }
            if (assigned > 0 && opened > 0) {
                toOpened.recordValue(msToMicros(opened - assigned));
            }
            if (opened > 0 && state == Phase.OPENED) {
                toObserved.recordValue(msToMicros(epochMillis(phase.opened.get(i)) - opened));
            }
        }
        int completed = phase.completed.get();
        long last = phase.lastOpened.get();
        double e2eRate = completed == 0 ? 0 : completed / ((Math.max(last, sendEnd) - t0) / 1e9);
        double wall = (after.nanos - before.nanos) / 1e9;
        long events = TopicOffsets.total(after.offsets) - TopicOffsets.total(before.offsets);
        double eventsPerSecond = events / wall;

        OUT.printf(Locale.ROOT, "== %s: %s%n", phase.name, title);
        OUT.printf(Locale.ROOT, "   sent %d, 202 %d, errors %d, timeouts %d, EngagementOpened %d, requestId mismatches %d, "
                + "RequestQueued %d; HTTP status counts %s%n", sent, accepted, errors, timeouts, completed, mismatches,
                phase.queuedEvents.sum(), phase.statusCounts);
        if (phase.firstError.get() != null) {
            OUT.println("   first error: " + phase.firstError.get());
        }
        if (phase.queuedEvents.sum() > 0) {
            OUT.println("   warning: requests were queued (capacity ran out): their latency includes the wait");
        }
        OUT.println("   latency ms            " + header());
        OUT.println("   POST -> EngagementOpened " + line(e2e) + (timeouts > 0 ? "  (timeouts counted at " + timeout.toSeconds() + " s)" : ""));
        OUT.println("   POST -> 202              " + line(ack));
        OUT.println("   generator behind plan    " + line(lag));
        OUT.println("   hops by Kafka record timestamps (ms resolution):");
        OUT.println("   POST -> RequestSubmitted " + line(toSubmitted));
        OUT.println("   RequestSubmitted -> 202  " + line(submittedToAck));
        OUT.println("   Submitted -> FtaAssigned " + line(toAssigned));
        OUT.println("   FtaAssigned -> Opened    " + line(toOpened));
        OUT.println("   Opened -> seen by bench  " + line(toObserved));
        OUT.printf(Locale.ROOT, "   end to end %.1f req/s%s; Kafka %.0f events/s over %.1f s (%.2f per request: %s)%n",
                e2eRate, phase.rate > 0 ? String.format(Locale.ROOT, " (offered %d)", phase.rate) : "",
                eventsPerSecond, wall, completed == 0 ? 0.0 : (double) events / completed,
                TopicOffsets.delta(before.offsets, after.offsets));
        OUT.println("   CPU cores: " + ProcessCpu.cores(before.cpu, after.cpu, wall) + " (of "
                + Runtime.getRuntime().availableProcessors() + ")");
        if (phase.rate > 0) {
            OUT.println();
        }

        String key = phase.key;
        summary.text(key + ".offered_rps", Integer.toString(phase.rate));
        summary.sample(key + ".e2e_rps", e2eRate);
        summary.count(key + ".sent", sent);
        summary.count(key + ".accepted", accepted);
        summary.count(key + ".errors", errors);
        summary.count(key + ".timeouts", timeouts);
        summary.count(key + ".opened", completed);
        summary.count(key + ".queued", phase.queuedEvents.sum());
        summary.sample(key + ".p50_ms", ms(e2e, 50));
        summary.sample(key + ".p95_ms", ms(e2e, 95));
        summary.sample(key + ".p99_ms", ms(e2e, 99));
        summary.sample(key + ".max_ms", e2e.getTotalCount() == 0 ? Double.NaN : e2e.getMaxValue() / 1000.0);
        summary.sample(key + ".ack_p50_ms", ms(ack, 50));
        summary.sample(key + ".ack_p99_ms", ms(ack, 99));
        summary.sample(key + ".events_per_s", eventsPerSecond);
        summary.sample(key + ".events_per_request", completed == 0 ? 0.0 : (double) events / completed);
    }

    /**
     * What the phase cost each process in CPU per accepted request: from just before its first request until every
     * consumer had read every topic to its end, so the work its requests caused downstream is in (also for those
     * the generator counted as timed out: intake accepted them, and the stack still did their work).
     */
    private void reportCpu(Phase phase, Map<String, Double> before, boolean drained) {
        CpuCost.Window window = CpuCost.Window.between(before, cpu.snapshot(), phase.accepted());
        cpuByPhase.computeIfAbsent(phase.key, k -> new ArrayList<>()).add(window);
        Map<String, Double> ms = window.msPerRequest();
        OUT.printf(Locale.ROOT, "   CPU ms per accepted request: %s%n", CpuCost.describe(ms));
        OUT.printf(Locale.ROOT, "   (CPU of %d accepted requests, %s)%n", phase.accepted(),
                drained ? "from the phase's first request until every consumer had caught up"
                        : "while the consumers were still behind: too low");
        ms.forEach((name, value) -> summary.sample(cpuKey(phase.key + ".cpu_ms_per_request", name), value, 2));
    }

    private static String cpuKey(String prefix, String process) {
        return process.equals(CpuCost.STACK) ? prefix : prefix + "." + process;
    }

    /** The min / median / max over the repeats of the headline figures, and the marginal CPU per request. */
    private void steadyState(List<Integer> rates, int repeats) {
        OUT.printf(Locale.ROOT, "== steady state: %d repeat(s) of every measured phase; min / median / max over the repeats%n",
                repeats);
        OUT.printf(Locale.ROOT, "   %-12s %-34s %-28s %-28s %s%n", "phase", "end to end req/s", "p50 ms", "p99 ms",
                "errors / timeouts (max)");
        List<String> keys = new ArrayList<>();
        if (!idle.isZero()) {
            keys.add("idle");
        }
        rates.forEach(rate -> keys.add("rate" + rate));
        keys.add("saturation");
        for (String key : keys) {
            if (summary.spread(key + ".p50_ms").n() == 0 && summary.spread(key + ".e2e_rps").n() == 0) {
                continue;
            }
            boolean closed = key.equals("saturation");
            OUT.printf(Locale.ROOT, "   %-12s %-34s %-28s %-28s %s / %s%n", key,
                    (closed ? "sustained " : "") + summary.spread(key + (closed ? ".sustained_rps" : ".e2e_rps")).describe(),
                    summary.spread(key + ".p50_ms").describe(), summary.spread(key + ".p99_ms").describe(),
                    whole(summary.spread(key + ".errors").max()), whole(summary.spread(key + ".timeouts").max()));
        }
        OUT.println("   CPU ms per accepted request, median of the repeats (the stack: the broker and the services; "
                + "the generator apart):");
        for (String key : keys) {
            List<CpuCost.Window> windows = cpuByPhase.get(key);
            if (windows == null) {
                continue;
            }
            Map<String, Stats.Spread> spreads = CpuCost.perRequest(windows);
            Map<String, Double> medians = new LinkedHashMap<>();
            spreads.forEach((name, spread) -> medians.put(name, spread.median()));
            Stats.Spread stack = spreads.getOrDefault(CpuCost.STACK, Stats.of(List.of()));
            OUT.printf(Locale.ROOT, "   %-12s %s; stack min / median / max %s / %s / %s%n", key, CpuCost.describe(medians),
                    CpuCost.fmt(stack.min()), CpuCost.fmt(stack.median()), CpuCost.fmt(stack.max()));
        }
        OUT.println("   marginal CPU ms per request between consecutive rates ((mean CPU at B - mean CPU at A) / "
                + "(mean accepted requests at B - at A), means over the repeats):");
        for (int i = 1; i < rates.size(); i++) {
            int from = rates.get(i - 1);
            int to = rates.get(i);
            List<CpuCost.Window> a = cpuByPhase.get("rate" + from);
            List<CpuCost.Window> b = cpuByPhase.get("rate" + to);
            Map<String, Double> marginal = a == null || b == null ? Map.of() : CpuCost.marginal(a, b);
            OUT.printf(Locale.ROOT, "   %-12s %s%n", from + " -> " + to, CpuCost.describe(marginal));
            summary.text("rate" + to + ".marginal_from", Integer.toString(from));
            marginal.forEach((name, value) -> summary.text(cpuKey("rate" + to + ".marginal_cpu_ms_per_request", name),
                    String.format(Locale.ROOT, "%.2f", value)));
        }
        OUT.println();
    }

    private static String whole(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.0f", value);
    }

    /**
     * What the phase cost the databases per accepted request: the services' SQL counters from just before its
     * first request until every consumer had read every topic to its end, so the projections' share is in.
     */
    private void reportDatabaseWork(Phase phase, String label, Map<String, DatabaseCounters.Reading> before,
            boolean drained) {
        DatabaseCounters.PerRequest work = DatabaseCounters.perRequest(before, database.read(), phase.accepted());
        OUT.printf(Locale.ROOT, "   %s: %s%n", label, work.describe());
        OUT.printf(Locale.ROOT, "   (database work of %d accepted requests, counted %s)%n%n", phase.accepted(),
                drained ? "until every consumer had caught up" : "while the consumers were still behind: too low");
        List<DatabaseCounters.PerRequest> repeats = databaseByPhase.computeIfAbsent(phase.key, k -> new ArrayList<>());
        repeats.add(work);
        DatabaseCounters.PerRequest median = DatabaseCounters.median(repeats);
        summary.text(phase.key + ".database_work", median.describe()
                + (repeats.size() > 1 ? " (medians of " + repeats.size() + " repeats)" : ""));
        if (!work.services().isEmpty()) {
            summary.sample(phase.key + ".sql_per_request", work.total().statements());
            summary.sample(phase.key + ".tx_per_request", work.total().transactions());
        }
    }

    private static Histogram histogram() {
        return new Histogram(TimeUnit.HOURS.toMicros(1), 3);
    }

    private double epochMillis(long nanos) {
        return (baseEpochMicros + (nanos - baseNanos) / 1000.0) / 1000.0;
    }

    private static long micros(long nanos) {
        return Math.max(0, Math.min(TimeUnit.HOURS.toMicros(1), nanos / 1000));
    }

    private static long msToMicros(double ms) {
        return Math.max(0, Math.min(TimeUnit.HOURS.toMicros(1), Math.round(ms * 1000)));
    }

    private static String header() {
        return String.format(Locale.ROOT, "%9s %9s %9s %9s %9s %8s", "p50", "p95", "p99", "p99.9", "max", "n");
    }

    private static String line(Histogram h) {
        if (h.getTotalCount() == 0) {
            return "(none)";
        }
        return String.format(Locale.ROOT, "%9.1f %9.1f %9.1f %9.1f %9.1f %8d",
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(95) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0,
                h.getMaxValue() / 1000.0, h.getTotalCount());
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }

    private void writeSummary(Path file) throws IOException {
        Files.write(file, summary.lines());
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
