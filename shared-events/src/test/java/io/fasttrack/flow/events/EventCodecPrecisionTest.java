package io.fasttrack.flow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Amounts survive the wire exactly, and a record is read whole or refused with the reason. */
class EventCodecPrecisionTest {

    @Test
    void decimalsKeepTheirScaleAndDigits() throws Exception {
        for (String amount : new String[] {"1000.50", "0.10", "12345678901234567.89", "0.333333333333333333333"}) {
            ObjectNode wire = (ObjectNode) EventCodec.mapper().readTree(EventCodec.encode(EventSamples.of(EventType.REQUEST_SUBMITTED)));
            ((ObjectNode) wire.get("data")).put("fundingAmountUsd", new BigDecimal(amount));

            RequestSubmitted decoded = EventCodec.decode(EventCodec.mapper().writeValueAsBytes(wire)).dataAs(RequestSubmitted.class);

            assertThat(decoded.fundingAmountUsd()).as(amount).isEqualTo(new BigDecimal(amount));
        }
    }

    @Test
    void aSubjectThatContradictsTheDataIsRefused() throws Exception {
        ObjectNode wire = (ObjectNode) EventCodec.mapper().readTree(EventCodec.encode(EventSamples.of(EventType.REQUEST_SUBMITTED)));
        wire.put("subject", "another-tenant");

        assertThatThrownBy(() -> EventCodec.decode(EventCodec.mapper().writeValueAsBytes(wire)))
                .isExactlyInstanceOf(EventDecodingException.class)
                .hasMessageContaining("envelope subject 'another-tenant' does not match");
    }

    @Test
    void contentAfterTheEventIsRefused() {
        byte[] event = EventCodec.encode(EventSamples.of(EventType.USAGE_REPORTED));
        byte[] withTrailer = (new String(event, StandardCharsets.UTF_8) + " {\"more\":1}").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EventCodec.decode(withTrailer)).isInstanceOf(EventDecodingException.class);
    }

    @Test
    void aNonStringCorrelationIdIsRefused() throws Exception {
        ObjectNode wire = (ObjectNode) EventCodec.mapper().readTree(EventCodec.encode(EventSamples.of(EventType.USAGE_REPORTED)));
        wire.put("correlationId", 42);

        assertThatThrownBy(() -> EventCodec.decode(EventCodec.mapper().writeValueAsBytes(wire)))
                .isExactlyInstanceOf(EventDecodingException.class)
                .hasMessage("envelope field 'correlationId' is not a string");
    }
}
