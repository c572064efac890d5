package io.fasttrack.flow.engagement;

import org.apache.kafka.common.utils.Exit;

/**
 * The in-JVM broker's temporary log directories are deleted by a shutdown hook of their own while another
 * hook is still stopping the broker; the broker then finds its log dirs gone and halts the JVM with status 1,
 * which fails the surefire fork after every test has passed. A halt while the JVM is already shutting down is
 * ignored; any other halt still happens.
 */
public final class KafkaShutdownGuard {

    private KafkaShutdownGuard() {
    }

    public static synchronized void install() {
        Exit.setHaltProcedure((status, message) -> {
            if (!shuttingDown()) {
                Runtime.getRuntime().halt(status);
            }
        });
    }

    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException alreadyShuttingDown) {
            return true;
        }
    }
}
