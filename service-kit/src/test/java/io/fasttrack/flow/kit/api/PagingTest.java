package io.fasttrack.flow.kit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fasttrack.flow.events.http.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void aPageBeyondTheLastPossibleRowIsABadRequestNamingPage() {
        assertThatThrownBy(() -> Paging.of("2147483647", "100"))
                .isInstanceOfSatisfying(ProblemException.class, refused -> {
                    assertThat(refused.problem().status()).isEqualTo(400);
                    assertThat(refused.problem().violations()).extracting(Problem.Violation::field).containsExactly("page");
                    assertThat(refused.problem().violations().get(0).message()).contains("at most 21474835");
                });
    }

    @Test
    void theLastPossiblePageOfASizeIsAccepted() {
        Paging last = Paging.of(Integer.toString(Integer.MAX_VALUE / 100 - 1), "100");

        assertThat(last.offset()).isEqualTo((Integer.MAX_VALUE / 100 - 1) * 100);
        assertThat(last.of(List.of("a", "b")).items()).isEmpty();
    }

    @Test
    void eachBadParameterIsNamed() {
        assertThatThrownBy(() -> Paging.of("-1", "201"))
                .isInstanceOfSatisfying(ProblemException.class, refused -> assertThat(refused.problem().violations())
                        .extracting(Problem.Violation::field).containsExactly("page", "size"));
    }
}
