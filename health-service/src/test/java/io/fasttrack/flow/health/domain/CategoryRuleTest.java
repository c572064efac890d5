package io.fasttrack.flow.health.domain;

import static io.fasttrack.flow.health.domain.Fixtures.RULE;
import static io.fasttrack.flow.health.domain.Fixtures.SCALE;
import static io.fasttrack.flow.health.domain.Fixtures.pct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CategoryRuleTest {

    @ParameterizedTest
    @CsvSource({"0, NO_USAGE", "4.9999, NO_USAGE", "5, LOW", "29.99, LOW", "30, GROWING", "59.9999, GROWING",
            "60, HEALTHY", "100, HEALTHY", "150, HEALTHY"})
    void aFirstCategoryFollowsTheThresholdsAlone(String percent, String expected) {
        assertThat(RULE.categorize(null, pct(percent))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "GROWING, 60, GROWING", "GROWING, 62, GROWING", "GROWING, 62.0001, HEALTHY",
            "HEALTHY, 59, HEALTHY", "HEALTHY, 58, HEALTHY", "HEALTHY, 57.9999, GROWING",
            "LOW, 4, LOW", "LOW, 3, LOW", "LOW, 2.9999, NO_USAGE",
            "NO_USAGE, 6.9, NO_USAGE", "NO_USAGE, 7.5, LOW",
            "GROWING, 28.5, GROWING", "GROWING, 27, LOW"})
    void leavingACategoryNeedsCrossingItsBoundaryByMoreThanTheMargin(String current, String percent, String expected) {
        assertThat(RULE.categorize(current, pct(percent))).isEqualTo(expected);
    }

    @Test
    void aTinyBackAndForthAroundAThresholdNeverBounces() {
        String category = RULE.categorize(null, pct("61"));
        for (String percent : List.of("59.5", "60.5", "58.1", "61.9", "59", "60")) {
            category = RULE.categorize(category, pct(percent));
            assertThat(category).as("at %s %%", percent).isEqualTo("HEALTHY");
        }
    }

    @Test
    void aBigMoveSkipsCategoriesToWhereTheUtilizationFalls() {
        assertThat(RULE.categorize("NO_USAGE", pct("75"))).isEqualTo("HEALTHY");
        assertThat(RULE.categorize("HEALTHY", pct("1"))).isEqualTo("NO_USAGE");
    }

    @Test
    void directionFollowsTheOrderOfTheCategories() {
        assertThat(RULE.direction(null, "LOW")).isEqualTo("NEW");
        assertThat(RULE.direction("LOW", "HEALTHY")).isEqualTo("UP");
        assertThat(RULE.direction("GROWING", "NO_USAGE")).isEqualTo("DOWN");
    }

    @Test
    void aZeroMarginIsThePlainThresholdRule() {
        CategoryRule plain = new CategoryRule(SCALE, BigDecimal.ZERO);
        assertThat(plain.categorize("GROWING", pct("60"))).isEqualTo("GROWING");
        assertThat(plain.categorize("GROWING", pct("60.0001"))).isEqualTo("HEALTHY");
        assertThat(plain.categorize("HEALTHY", pct("59.9999"))).isEqualTo("GROWING");
    }

    @Test
    void namesAndThresholdsComeFromConfigurationAndAreChecked() {
        CategoryScale custom = new CategoryScale(List.of("RED", "AMBER", "GREEN"), List.of(pct("20"), pct("50")));
        assertThat(custom.categoryOf(pct("35"))).isEqualTo("AMBER");
        assertThatThrownBy(() -> new CategoryScale(List.of("A", "B"), List.of(pct("50"), pct("60"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CategoryScale(List.of("A", "B", "C"), List.of(pct("50"), pct("40"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CategoryRule(SCALE, pct("-1"))).isInstanceOf(IllegalArgumentException.class);
    }
}
