package io.fasttrack.flow.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.events.model.RequestFamily;
import io.fasttrack.flow.events.model.RequestQueue;
import io.fasttrack.flow.events.model.RequestType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestRoutingTest {

    @ParameterizedTest
    @CsvSource({
            "DISCOVERY_WORKSHOP, FUNDING, FTA",
            "ECIF_DWR_REVIEW, FUNDING, FTA",
            "MIGRATION_EXCEPTION, MIGRATION_EXCEPTION, FTA",
            "LAND_FTC_BENEFIT, NON_FUNDING, FTCHELP",
            "SALES_SUPPORT_INQUIRY, NON_FUNDING, FTCHELP",
            "ENGAGE_BEFORE_LICENSE, NON_FUNDING, FTCHELP"})
    void routesEveryTypeToItsFamilyAndQueue(RequestType type, RequestFamily family, RequestQueue queue) {
        assertThat(RequestRouting.familyOf(type)).isEqualTo(family);
        assertThat(RequestRouting.queueOf(type)).isEqualTo(queue);
    }
}
