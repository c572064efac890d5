package io.fasttrack.flow.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU time of one JVM went, from a JFR recording: execution samples by thread pool, by layer (a sample
 * counts for every layer that has a frame on its stack: HTTP, JSON, Kafka client, ORM, database, ...), the hottest
 * frames, the hottest first frames outside the JDK, and the time lost to GC pauses and contended locks.
 *
 * <pre>java -cp ... io.fasttrack.flow.bench.JfrProfile recording.jfr [top]</pre>
 */
public final class JfrProfile {

    /** Layers by package prefix, in the order they are printed. */
    private static final Map<String, List<String>> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("HTTP server (Vert.x, Netty, RESTEasy Reactive)", List.of("io.vertx.", "io.netty.", "org.jboss.resteasy.reactive.", "io.quarkus.vertx.", "io.quarkus.resteasy.reactive."));
        LAYERS.put("JSON (Jackson)", List.of("com.fasterxml.jackson."));
        LAYERS.put("Kafka (client or broker)", List.of("org.apache.kafka.", "kafka."));
        LAYERS.put("Reactive Messaging (SmallRye, Mutiny)", List.of("io.smallrye.reactive.messaging.", "io.smallrye.mutiny."));
        LAYERS.put("ORM (Hibernate, Panache)", List.of("org.hibernate.", "io.quarkus.hibernate."));
        LAYERS.put("Transactions (Narayana)", List.of("com.arjuna.", "io.quarkus.narayana.", "io.narayana."));
        LAYERS.put("JDBC pool (Agroal)", List.of("io.agroal."));
        LAYERS.put("Database engine (H2)", List.of("org.h2."));
        LAYERS.put("PostgreSQL driver", List.of("org.postgresql."));
        LAYERS.put("CDI (ArC)", List.of("io.quarkus.arc."));
        LAYERS.put("Logging", List.of("org.jboss.logmanager.", "org.jboss.logging."));
        LAYERS.put("Metrics (Micrometer)", List.of("io.micrometer."));
        LAYERS.put("FastTrack code (io.fasttrack)", List.of("io.fasttrack."));
    }

    public static void main(String[] argv) throws IOException {
        if (argv.length < 1) {
            System.err.println("usage: JfrProfile recording.jfr [top]");
            System.exit(2);
        }
        int top = argv.length > 1 ? Integer.parseInt(argv[1]) : 12;
        Map<String, Integer> byThread = new HashMap<>();
        Map<String, Integer> byLayer = new LinkedHashMap<>();
        Map<String, Integer> selfFrames = new HashMap<>();
        Map<String, Integer> firstNonJdk = new HashMap<>();
        Map<String, Integer> fasttrackFrames = new HashMap<>();
        Map<String, long[]> locks = new HashMap<>();
        Map<String, long[]> io = new HashMap<>();
        long gcPauseNanos = 0;
        int gcCount = 0;
        int samples = 0;
        double cpuJvm = 0;
        double cpuMachine = 0;
        int cpuReadings = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(argv[0]))) {
            String type = event.getEventType().getName();
            switch (type) {
                case "jdk.ExecutionSample" -> {
                    samples++;
                    RecordedThread thread = event.getThread("sampledThread");
                    byThread.merge(pool(thread == null ? "?" : thread.getJavaName()), 1, Integer::sum);
                    RecordedStackTrace stack = event.getStackTrace();
                    if (stack == null || stack.getFrames().isEmpty()) {
                        continue;
                    }
                    List<RecordedFrame> frames = stack.getFrames();
                    selfFrames.merge(name(frames.get(0)), 1, Integer::sum);
                    Set<String> layers = new HashSet<>();
                    boolean firstFound = false;
                    Set<String> seenFasttrack = new HashSet<>();
                    for (RecordedFrame frame : frames) {
                        String cls = frame.getMethod().getType().getName();
                        for (var layer : LAYERS.entrySet()) {
                            for (String prefix : layer.getValue()) {
                                if (cls.startsWith(prefix)) {
                                    layers.add(layer.getKey());
                                }
                            }
                        }
                        if (!firstFound && !jdk(cls)) {
                            firstNonJdk.merge(name(frame), 1, Integer::sum);
                            firstFound = true;
                        }
                        if (cls.startsWith("io.fasttrack.") && seenFasttrack.add(name(frame))) {
                            fasttrackFrames.merge(name(frame), 1, Integer::sum);
                        }
                    }
                    for (String layer : layers) {
                        byLayer.merge(layer, 1, Integer::sum);
                    }
                }
                case "jdk.GarbageCollection" -> {
                    gcCount++;
                    gcPauseNanos += event.getDuration("sumOfPauses").toNanos();
                }
                case "jdk.CPULoad" -> {
                    cpuJvm += event.getFloat("jvmUser") + event.getFloat("jvmSystem");
                    cpuMachine += event.getFloat("machineTotal");
                    cpuReadings++;
                }
                case "jdk.JavaMonitorEnter" -> {
                    var monitorClass = event.getClass("monitorClass");
                    String key = monitorClass == null ? "?" : monitorClass.getName();
                    long[] sum = locks.computeIfAbsent(key, k -> new long[2]);
                    sum[0]++;
                    sum[1] += event.getDuration().toNanos();
                }
                case "jdk.SocketRead", "jdk.SocketWrite", "jdk.FileRead", "jdk.FileWrite", "jdk.FileForce" -> {
                    long[] sum = io.computeIfAbsent(type.substring(4), k -> new long[2]);
                    sum[0]++;
                    sum[1] += event.getDuration().toNanos();
                }
                default -> {
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d execution samples", samples);
        if (cpuReadings > 0) {
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf(Locale.ROOT, "; this JVM used %.2f cores on average, the machine %.2f of %d",
                    cpuJvm / cpuReadings * cores, cpuMachine / cpuReadings * cores, cores);
        }
        System.out.printf(Locale.ROOT, "; GC: %d collections, %.0f ms paused%n", gcCount, gcPauseNanos / 1e6);
        if (samples == 0) {
            return;
        }
        print("by thread", byThread, samples, top);
        print("by layer (a sample counts for every layer on its stack)", byLayer, samples, 100);
        print("hottest frames (self)", selfFrames, samples, top);
        print("hottest first frames outside the JDK", firstNonJdk, samples, top);
        print("FastTrack methods on the stack (inclusive)", fasttrackFrames, samples, top);
        if (!locks.isEmpty()) {
            System.out.println("contended monitors (over the recording's threshold):");
            locks.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(5)
                    .forEach(e -> System.out.printf(Locale.ROOT, "  %8.0f ms in %6d waits  %s%n",
                            e.getValue()[1] / 1e6, e.getValue()[0], e.getKey()));
        }
        if (!io.isEmpty()) {
            System.out.println("slow I/O (over the recording's threshold):");
            io.forEach((kind, sum) -> System.out.printf(Locale.ROOT, "  %8.0f ms in %6d %s%n", sum[1] / 1e6, sum[0], kind));
        }
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int top) {
        System.out.println(title + ":");
        counts.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
                .limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static boolean jdk(String cls) {
        return cls.startsWith("java.") || cls.startsWith("javax.") || cls.startsWith("jdk.") || cls.startsWith("sun.")
                || cls.startsWith("com.sun.");
    }

    /** Thread name without its number: executor-thread-12 becomes executor-thread-#. */
    static String pool(String thread) {
        return thread.replaceAll("\\d+", "#");
    }
}
