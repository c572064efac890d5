package io.fasttrack.flow.events.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProblemTest {

    private static List<Problem.Violation> violations(int count) {
        return IntStream.range(0, count).mapToObj(i -> new Problem.Violation("field" + i, "unknown field")).toList();
    }

    @Test
    void listsAtMostAHundredViolationsAndCountsTheRest() {
        Problem problem = Problem.invalid("bad", violations(400_000));

        assertThat(problem.violations()).hasSize(100);
        assertThat(problem.violations().get(99).field()).isEqualTo("field99");
        assertThat(problem.omittedViolations()).isEqualTo(399_900);
    }

    @Test
    void aHundredViolationsAreAllListedAndNothingIsOmitted() throws Exception {
        Problem problem = Problem.invalid("bad", violations(100));

        assertThat(problem.violations()).hasSize(100);
        assertThat(problem.omittedViolations()).isNull();
        assertThat(new ObjectMapper().writeValueAsString(problem)).doesNotContain("omittedViolations");
    }

    @Test
    void theCountSurvivesMovingTheProblemToItsInstance() {
        Problem problem = Problem.invalid("bad", violations(150)).at("/usage");

        assertThat(problem.instance()).isEqualTo("/usage");
        assertThat(problem.violations()).hasSize(100);
        assertThat(problem.omittedViolations()).isEqualTo(50);
    }
}
