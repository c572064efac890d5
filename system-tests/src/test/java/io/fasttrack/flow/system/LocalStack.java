package io.fasttrack.flow.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole system as a newcomer runs it: {@code deploy/local/start} launches a real Kafka broker and
 * the four services as separate processes from their built jars. The stack gets its own
 * {@code FASTTRACK_HOME} and ports, so it can run beside a developer's own stack. One stack serves
 * every test class of the JVM and is stopped with {@code deploy/local/stop} when the JVM ends.
 */
public final class LocalStack {

    public enum Service {
        INTAKE("intake-service", 1), ASSIGNMENT("assignment-service", 2), ENGAGEMENT("engagement-service", 3),
        HEALTH("health-service", 4);

        final String directory;
        final int portOffset;

        Service(String directory, int portOffset) {
            this.directory = directory;
            this.portOffset = portOffset;
        }

        public String directory() {
            return directory;
        }
    }

    private static LocalStack shared;

    private final Path repo = Path.of(System.getProperty("fasttrack.repo", "..")).toAbsolutePath().normalize();
    private final Path home = Path.of(System.getProperty("fasttrack.stack-home", "target/stack")).toAbsolutePath();
    private final int portBase = Integer.getInteger("fasttrack.port-base", 18080);
    private final String database = System.getProperty("fasttrack.db", "h2");

    private LocalStack() {
    }

    /** The running stack, started on first use. */
    public static synchronized LocalStack running() {
        if (shared == null) {
            LocalStack stack = new LocalStack();
            stack.script("stop");
            stack.resetHome();
            stack.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stack.script("stop"), "stack-stop"));
            shared = stack;
        }
        return shared;
    }

    public String url(Service service) {
        return "http://127.0.0.1:" + (portBase + service.portOffset);
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + (portBase + 12);
    }

    public String database() {
        return database;
    }

    /** Starts whatever is not running (the broker, a killed service) and waits until all are ready. */
    public void start() {
        script("start");
    }

    public void stop() {
        script("stop");
    }

    /** Kills a service without warning, as a crash would. */
    public void kill(Service service) {
        killPidFile(service.directory);
    }

    /** Stops the broker (as an operator or an orchestrator would), leaving the services running. */
    public void stopBroker() {
        terminatePidFile("kafka");
    }

    /** Stops a service with SIGTERM, as a rolling update does, and waits until it has shut down. */
    public void stopGracefully(Service service) {
        terminatePidFile(service.directory);
    }

    private void terminatePidFile(String name) {
        Path pidFile = home.resolve("run").resolve(name + ".pid");
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid).ifPresent(process -> {
                process.destroy();
                process.onExit().orTimeout(120, TimeUnit.SECONDS).join();
            });
        } catch (IOException e) {
            throw new IllegalStateException("no pid file " + pidFile + ": is " + name + " running?", e);
        }
    }

    /** A bearer token for the roles, printed by {@code deploy/local/token} with this stack's key pair. */
    public String token(String... rolesAndOptions) {
        return script("token", rolesAndOptions).trim();
    }

    /** Rebuilds a service's projection from the topics with {@code deploy/local/replay}; returns its output. */
    public String replay(Service service) {
        return script("replay", service.directory);
    }

    public Path logOf(Service service) {
        return home.resolve("logs").resolve(service.directory + ".log");
    }

    private void killPidFile(String name) {
        Path pidFile = home.resolve("run").resolve(name + ".pid");
        // kill -9: no shutdown hook, no offset commit, no graceful close
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid).ifPresent(process -> {
                process.destroyForcibly();
                process.onExit().join();
            });
        } catch (IOException e) {
            throw new IllegalStateException("no pid file " + pidFile + ": is " + name + " running?", e);
        }
    }

    private void resetHome() {
        try {
            if (Files.exists(home)) {
                try (var paths = Files.walk(home)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
                }
            }
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare " + home, e);
        }
    }

    private String script(String name, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("bash", repo.resolve("deploy/local/" + name).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.putAll(environment());
        try {
            Path output = Files.createTempFile("fasttrack-" + name, ".log");
            builder.redirectOutput(output.toFile());
            Process process = builder.start();
            if (!process.waitFor(Duration.ofMinutes(10).toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("deploy/local/" + name + " did not finish in 10 minutes");
            }
            String printed = Files.readString(output);
            Files.deleteIfExists(output);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("deploy/local/" + name + " failed (" + process.exitValue() + "):\n" + printed);
            }
            return printed;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run deploy/local/" + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("FASTTRACK_HOME", home.toString());
        env.put("FASTTRACK_DB", database);
        env.put("FASTTRACK_KAFKA_PORT", String.valueOf(portBase + 12));
        env.put("FASTTRACK_KAFKA_CONTROLLER_PORT", String.valueOf(portBase + 13));
        env.put("FASTTRACK_POSTGRES_PORT", String.valueOf(portBase + 14));
        env.put("FASTTRACK_INTAKE_PORT", String.valueOf(portBase + Service.INTAKE.portOffset));
        env.put("FASTTRACK_ASSIGNMENT_PORT", String.valueOf(portBase + Service.ASSIGNMENT.portOffset));
        env.put("FASTTRACK_ENGAGEMENT_PORT", String.valueOf(portBase + Service.ENGAGEMENT.portOffset));
        env.put("FASTTRACK_HEALTH_PORT", String.valueOf(portBase + Service.HEALTH.portOffset));
        return env;
    }
}
