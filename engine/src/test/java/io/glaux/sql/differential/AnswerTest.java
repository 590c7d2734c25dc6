package io.glaux.sql.differential;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerTest {

    private static Answer rows(List<?>... rows) {
        return new Answer(Arrays.stream(rows).map(r -> List.<Object>copyOf(r)).toList(), null);
    }

    @Test
    void numbersCompareByValueAndDoublesWithinTheTolerance() {
        assertThat(Answer.cellsAgree(new BigDecimal("3.50"), new BigDecimal("3.5"))).isTrue();
        assertThat(Answer.cellsAgree(new BigDecimal("3"), 3.5)).isFalse();
        assertThat(Answer.cellsAgree(0.1 + 0.2, 0.3)).isTrue();
        assertThat(Answer.cellsAgree(1.0, 1.000001)).isFalse();
        assertThat(Answer.cellsAgree(null, "x")).isFalse();
    }

    @Test
    void unorderedAnswersAreMultisetsButOrderedOnesAreLists() {
        Answer a = rows(List.of("x", new BigDecimal(1)), List.of("y", new BigDecimal(2)));
        Answer b = rows(List.of("y", new BigDecimal("2.0")), List.of("x", new BigDecimal(1)));
        assertThat(a.agreesWith(b, false)).isTrue();
        assertThat(a.agreesWith(b, true)).isFalse();
        assertThat(a.agreesWith(rows(List.of("x", new BigDecimal(1))), false)).isFalse();
    }

    @Test
    void anErrorAgreesOnlyWithAnError() {
        assertThat(Answer.failed("one").agreesWith(Answer.failed("other"), false)).isTrue();
        assertThat(Answer.failed("one").agreesWith(rows(), false)).isFalse();
    }
}
