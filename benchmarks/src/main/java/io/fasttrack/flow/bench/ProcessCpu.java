package io.fasttrack.flow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of named processes (from /proc/PID/stat) and of the whole machine (from /proc/stat), so a phase can
 * say how many cores each service, the broker and the generator itself burned while it ran.
 */
final class ProcessCpu {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private final Map<String, Long> pids = new LinkedHashMap<>();

    ProcessCpu(String spec) {
        if (spec != null) {
            for (String part : spec.split(",")) {
                String[] nameAndPid = part.split("=");
                if (nameAndPid.length == 2 && !nameAndPid[1].isBlank()) {
                    pids.put(nameAndPid[0].trim(), Long.parseLong(nameAndPid[1].trim()));
                }
            }
        }
        pids.put("load-generator", ProcessHandle.current().pid());
    }

    /** CPU seconds so far per process, plus "machine busy" and "machine total" (all cores). */
    Map<String, Double> snapshot() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            double cpu = processSeconds(pid);
            if (cpu >= 0) {
                seconds.put(name, cpu);
            }
        });
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            seconds.put("machine busy", (total - idle) / TICKS_PER_SECOND);
            seconds.put("machine total", total / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            // not Linux: no machine figures
        }
        return seconds;
    }

    private static double processSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state): utime is field 14, stime field 15
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Cores used per process between two snapshots over a wall time. */
    static String cores(Map<String, Double> before, Map<String, Double> after, double wallSeconds) {
        StringBuilder out = new StringBuilder();
        after.forEach((name, end) -> {
            if (name.equals("machine total") || !before.containsKey(name)) {
                return;
            }
            double used = (end - before.get(name)) / wallSeconds;
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(name).append(' ').append(String.format(java.util.Locale.ROOT, "%.2f", used));
        });
        return out.toString();
    }
}
