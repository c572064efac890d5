package io.fasttrack.flow.intake.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.events.EventCodec;
import io.fasttrack.flow.events.EventEnvelope;
import io.fasttrack.flow.events.RequestSubmitted;
import io.fasttrack.flow.intake.HostileBodies;
import io.fasttrack.flow.intake.domain.PlaceholderTenant;
import io.fasttrack.flow.intake.domain.SubmissionValidator;
import io.fasttrack.flow.kit.api.JsonTree;
import io.fasttrack.flow.kit.api.ProblemException;
import java.time.Instant;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based test of the request parser without the application: whatever bytes arrive, parsing and
 * validation end in a request that encodes as an event, or in a 400 problem naming the bad fields; never
 * in any other exception (which the service would answer with a 500).
 */
class RequestParserPropertyTest {

    private final SubmissionValidator validator = new SubmissionValidator();

    @Property(tries = 2_000)
    void anyBodyIsAcceptedOrRefusedWithNamedFields(@ForAll("hostileBodies") byte[] body) {
        Object tree;
        try {
            tree = JsonTree.parse(body);
        } catch (ProblemException refused) {
            assertThat(refused.problem().status()).isEqualTo(400);
            assertThat(refused.problem().violations()).isNotEmpty();
            return;
        }
        JsonTree.fingerprint(tree);
        SubmissionValidator.Outcome outcome = validator.validate(tree);
        if (outcome instanceof SubmissionValidator.Invalid invalid) {
            assertThat(invalid.violations()).isNotEmpty()
                    .allSatisfy(violation -> assertThat(violation.field()).isNotBlank().hasSizeLessThan(400));
            return;
        }
        Instant now = Instant.now();
        String requestId = UUID.randomUUID().toString();
        RequestSubmitted event = ((SubmissionValidator.Valid) outcome).submission()
                .toEvent(requestId, PlaceholderTenant.mint(UUID.randomUUID()), now);
        assertThat(EventCodec.encode(EventEnvelope.of(UUID.randomUUID(), now, "intake-service", requestId, null, event)))
                .isNotEmpty();
    }

    /** Found by the property above: field names are shown to the caller, so a blank or huge one is described instead. */
    @Example
    void blankAndHugeFieldNamesAreNamedReadably() {
        String huge = "k".repeat(10_000);
        Object tree = JsonTree.parse(("{\" \": 1, \"" + huge + "\": 2}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        SubmissionValidator.Invalid invalid = (SubmissionValidator.Invalid) validator.validate(tree);
        assertThat(invalid.violations()).extracting(io.fasttrack.flow.intake.domain.FieldViolation::field)
                .contains("(blank field name)", "k".repeat(100) + "...");
    }

    @Provide
    Arbitrary<byte[]> hostileBodies() {
        return HostileBodies.bodies();
    }
}
