package io.fasttrack.flow.health;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The service with its alerts consumer reading a topic nobody writes: a test that counts what the usage consumer
 * costs the database does not count the alerts consumer applying the category changes that usage published.
 */
public class WithoutAlertsConsumer implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("mp.messaging.incoming.alerts-in.topics", "fasttrack.test.no-alert-causes");
    }
}
