package io.fasttrack.flow.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole system as a newcomer runs it: {@code deploy/local/start} launches a real Kafka broker,
 * the four services as separate processes from their built jars, and the console over them. The stack gets its own
 * {@code FASTTRACK_HOME} and ports (the console on the port base itself, the services above it), so it can run
 * beside a developer's own stack. One stack serves every test class of the JVM and is stopped with
 * {@code deploy/local/stop} when the JVM ends.
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
    private final String database = configuredDatabase();
    private final AtomicInteger anotherInstances = new AtomicInteger();
    private String startBanner = "";

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

    /** The console's address; a browser signs in there with a {@link #consoleLink} first. */
    public String consoleUrl() {
        return "http://127.0.0.1:" + consolePort();
    }

    private int consolePort() {
        return portBase + 0;
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + (portBase + 12);
    }

    public String database() {
        return database;
    }

    /** The database the stack runs on ({@code fasttrack.db}: h2 or postgres), known before it is started. */
    public static String configuredDatabase() {
        return System.getProperty("fasttrack.db", "h2");
    }

    /** Starts whatever is not running (the broker, a killed service) and waits until all are ready. */
    public void start() {
        startBanner = script("start");
    }

    /** What the last {@code deploy/local/start} printed: the addresses and the console's sign-in link. */
    public String startBanner() {
        return startBanner;
    }

    /** Fills the stack with {@code deploy/local/demo}'s architects, requests and usage; returns what it printed. */
    public String demo() {
        return script("demo");
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

    /**
     * Freezes the broker with SIGSTOP, as a long pause of its host would: its connections stay open and nothing
     * answers on them. {@link #thawBroker()} lets it go on where it was.
     */
    public void freezeBroker() {
        signal("kafka", "STOP");
    }

    /** Lets a frozen broker go on (SIGCONT). */
    public void thawBroker() {
        signal("kafka", "CONT");
    }

    /**
     * Stops the stack's PostgreSQL ({@code pg_ctl -m fast}: every session is cut), leaving the broker and the
     * services running; {@link #start()} starts it again.
     */
    public void stopDatabase() {
        if (!"postgres".equals(database)) {
            throw new IllegalStateException("the stack runs on " + database + ": there is no database server to stop");
        }
        run("pg_ctl stop", List.of("bash", "-c", "source deploy/local/lib.sh && "
                + "as_postgres \"$(pg_bin)/pg_ctl\" -D \"$PG_DIR/data\" -m fast -w stop"));
    }

    /** The process id of a running service: a new one after a fault means the service did not survive it. */
    public long pid(Service service) {
        return pidOf(service.directory);
    }

    /**
     * Starts one more process of a service beside the stack's own, as a second replica would run: the same jar,
     * broker, database and {@code FASTTRACK_HOME}, its own HTTP port (the stack's port of the service + 20) and log
     * ({@code logs/<service>-<port>-<n>.log}, the n-th instance started so). The stack's scripts do not know it:
     * the caller stops it, and it is killed when the JVM ends.
     */
    public AnotherInstance startAnother(Service service) {
        int port = portBase + 20 + service.portOffset;
        Path log = home.resolve("logs")
                .resolve(service.directory + "-" + port + "-" + anotherInstances.incrementAndGet() + ".log");
        // the environment and the command line of deploy/local/start's start_service, on another port
        String launch = "source deploy/local/lib.sh && profile=() && if [[ $FASTTRACK_DB == postgres ]]; then "
                + "profile=(QUARKUS_PROFILE=postgres FASTTRACK_POSTGRES_PORT=\"$PG_PORT\"); fi && "
                + "exec env \"${profile[@]}\" MALLOC_ARENA_MAX=\"${MALLOC_ARENA_MAX:-2}\" FASTTRACK_HOME=\"$FASTTRACK_HOME\" "
                + "KAFKA_BOOTSTRAP_SERVERS=\"$KAFKA_BOOTSTRAP\" QUARKUS_HTTP_PORT=\"$1\" "
                + "java $SERVICE_JAVA_OPTS -jar \"$(service_jar \"$2\")\"";
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", launch, "start-another", Integer.toString(port),
                service.directory).directory(repo.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment());
        try {
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "another-instance-stop"));
            return new AnotherInstance("http://127.0.0.1:" + port, log, process);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start another " + service.directory, e);
        }
    }

    /** A process {@link #startAnother} started (bash execs java, so the process is the service itself). */
    public record AnotherInstance(String url, Path log, Process process) implements AutoCloseable {

        /** kill -9, as a crash would. */
        public void kill() {
            process.destroyForcibly();
            process.onExit().join();
        }

        /** SIGTERM, and waits until it has shut down. */
        public void stopGracefully() {
            process.destroy();
            process.onExit().orTimeout(120, TimeUnit.SECONDS).join();
        }

        /** Stops it if it still runs. */
        @Override
        public void close() {
            if (process.isAlive()) {
                stopGracefully();
            }
        }
    }

    private void signal(String name, String signal) {
        run("kill -" + signal, List.of("kill", "-" + signal, Long.toString(pidOf(name))));
    }

    private void terminatePidFile(String name) {
        ProcessHandle.of(pidOf(name)).ifPresent(process -> {
            process.destroy();
            process.onExit().orTimeout(120, TimeUnit.SECONDS).join();
        });
    }

    private long pidOf(String name) {
        Path pidFile = home.resolve("run").resolve(name + ".pid");
        try {
            return Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException e) {
            throw new IllegalStateException("no pid file " + pidFile + ": is " + name + " running?", e);
        }
    }

    /** A bearer token for the roles, printed by {@code deploy/local/token} with this stack's key pair. */
    public String token(String... rolesAndOptions) {
        return script("token", rolesAndOptions).trim();
    }

    /**
     * A link that signs a browser in to the console, printed by {@code deploy/local/console-link} with this stack's
     * key pair and console port; the same arguments as {@link #token}.
     */
    public String consoleLink(String... rolesAndOptions) {
        return script("console-link", rolesAndOptions).trim();
    }

    /** Rebuilds a service's projection from the topics with {@code deploy/local/replay}; returns its output. */
    public String replay(Service service) {
        return script("replay", service.directory);
    }

    public Path logOf(Service service) {
        return home.resolve("logs").resolve(service.directory + ".log");
    }

    private void killPidFile(String name) {
        // kill -9: no shutdown hook, no offset commit, no graceful close
        ProcessHandle.of(pidOf(name)).ifPresent(process -> {
            process.destroyForcibly();
            process.onExit().join();
        });
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
        return run("deploy/local/" + name, command);
    }

    /** Runs a command in the checkout with this stack's environment; answers what it printed. */
    private String run(String what, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.putAll(environment());
        try {
            Path output = Files.createTempFile("fasttrack-stack", ".log");
            builder.redirectOutput(output.toFile());
            Process process = builder.start();
            if (!process.waitFor(Duration.ofMinutes(10).toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not finish in 10 minutes");
            }
            String printed = Files.readString(output);
            Files.deleteIfExists(output);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(what + " failed (" + process.exitValue() + "):\n" + printed);
            }
            return printed;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + what, e);
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
        env.put("FASTTRACK_CONSOLE_PORT", String.valueOf(consolePort()));
        return env;
    }
}
