package io.fasttrack.flow.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import io.fasttrack.flow.assignment.domain.SlaPolicy;
import io.fasttrack.flow.events.model.ArchitectRole;
import io.fasttrack.flow.events.model.Region;
import io.fasttrack.flow.events.model.RequestQueue;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SLA settings as an operator writes them: holidays everywhere and per region, team managers per role and region. */
class SlaPolicyProducerTest {

    private static SlaPolicy policy(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(AssignmentSettings.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build();
        return new SlaPolicyProducer().slaPolicy(config.getConfigMapping(AssignmentSettings.class));
    }

    @Test
    void aRegionKeepsTheHolidaysOfEveryRegionAndItsOwn() {
        SlaPolicy policy = policy(Map.of(
                "fasttrack.assignment.sla.holidays", "2026-12-25",
                "fasttrack.assignment.sla.holidays.APAC", "2026-11-03,2026-11-04"));

        assertThat(policy.calendar(Region.APAC).isBusinessDay(LocalDate.parse("2026-11-03"))).isFalse();
        assertThat(policy.calendar(Region.APAC).isBusinessDay(LocalDate.parse("2026-12-25"))).isFalse();
        assertThat(policy.calendar(Region.EMEA).isBusinessDay(LocalDate.parse("2026-11-03"))).isTrue();
        assertThat(policy.calendar(Region.EMEA).isBusinessDay(LocalDate.parse("2026-12-25"))).isFalse();
        assertThat(policy.calendar(null).isBusinessDay(LocalDate.parse("2026-12-25"))).isFalse();
    }

    @Test
    void theMostSpecificTeamManagerIsTold() {
        SlaPolicy policy = policy(Map.of(
                "fasttrack.assignment.sla.team-manager", "tm-default",
                "fasttrack.assignment.sla.team-managers.FTA", "tm-fta",
                "fasttrack.assignment.sla.team-managers.FTCHELP", "tm-ftchelp",
                "fasttrack.assignment.sla.team-managers.FTCHELP.APAC", "tm-ftchelp-apac",
                "fasttrack.assignment.sla.team-managers.GET_MODERN_FTA", "tm-get-modern",
                "fasttrack.assignment.sla.team-managers.ALIGNMENT_FTA.EMEA", "tm-alignment-emea"));

        assertThat(policy.teamManagerFor(ArchitectRole.FTCHELP, RequestQueue.FTCHELP, Region.APAC)).isEqualTo("tm-ftchelp-apac");
        assertThat(policy.teamManagerFor(ArchitectRole.FTCHELP, RequestQueue.FTCHELP, Region.EMEA)).isEqualTo("tm-ftchelp");
        assertThat(policy.teamManagerFor(ArchitectRole.ALIGNMENT_FTA, RequestQueue.FTA, Region.EMEA)).isEqualTo("tm-alignment-emea");
        assertThat(policy.teamManagerFor(ArchitectRole.ALIGNMENT_FTA, RequestQueue.FTA, Region.AMER)).isEqualTo("tm-fta");
        assertThat(policy.teamManagerFor(ArchitectRole.GET_MODERN_FTA, RequestQueue.FTA, null)).isEqualTo("tm-get-modern");
        assertThat(policy(Map.of()).teamManagerFor(ArchitectRole.FTCHELP, RequestQueue.FTCHELP, Region.APAC))
                .isEqualTo("fasttrack-team-manager");
    }
}
