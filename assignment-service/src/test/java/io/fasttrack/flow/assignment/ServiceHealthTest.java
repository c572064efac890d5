package io.fasttrack.flow.assignment;

import io.fasttrack.flow.testing.InJvmKafkaBroker;
import io.fasttrack.flow.testing.OperabilityContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(InJvmKafkaBroker.class)
class ServiceHealthTest extends OperabilityContract {
}
