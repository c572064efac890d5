package io.fasttrack.flow.intake.messaging;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.time.Duration;
import java.util.Map;

/**
 * An intake whose requests stall after a few seconds and whose sweep runs every second, on a database of its own.
 * It keeps the service's consumer group, whose offsets are where the earlier applications of the test JVM left
 * them: the requests of other test classes are neither in this database nor replayed into it, so none of them
 * stalls here.
 */
public class StalledRequestsProfile implements QuarkusTestProfile {

    public static final Duration STALL_AFTER = Duration.ofSeconds(3);

    @Override
    public Map<String, String> getConfigOverrides() {
        String url = "jdbc:h2:mem:intake-stalls;DB_CLOSE_DELAY=-1";
        String stallAfter = STALL_AFTER.toSeconds() + "s";
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "%test.quarkus.datasource.jdbc.url", url,
                "fasttrack.intake.stall-after", stallAfter,
                "%test.fasttrack.intake.stall-after", stallAfter,
                "fasttrack.intake.stall-check-interval", "1s",
                "%test.fasttrack.intake.stall-check-interval", "1s");
    }
}
