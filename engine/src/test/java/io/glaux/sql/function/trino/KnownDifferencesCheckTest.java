package io.glaux.sql.function.trino;

import io.glaux.sql.function.trino.TrinoAnswers.TrinoAnswer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The known-differences list only shrinks, stays complete, and keeps its hand-written reasons when rewritten. */
class KnownDifferencesCheckTest {

    private static final KnownDifferences KNOWN = KnownDifferences.parse(List.of(
            "# comment",
            "upper\tSELECT upper('straße')\tdiffers\tJava upper-cases ß to SS; Trino maps code point by code point",
            "try\tSELECT try(1 / 0)\tunsupported\tno try() yet"));

    private static KnownDifferencesCheck.Result result(String function, String sql, Outcome outcome) {
        return new KnownDifferencesCheck.Result(
                new TrinoAnswer(function, sql, List.of(), List.of(), List.of(), null, null), outcome);
    }

    @Test
    void aListedQueryThatNowAgreesIsAProblem() {
        List<String> problems = KnownDifferencesCheck.problems(List.of(
                result("upper", "SELECT upper('straße')", Outcome.AGREE),
                result("try", "SELECT try(1 / 0)", Outcome.unsupported("x"))), KNOWN);
        assertThat(problems).singleElement().asString().startsWith("Now agrees with Trino")
                .contains("upper('straße')");
    }

    @Test
    void anUnlistedDifferenceAndAStaleEntryAreProblems() {
        List<String> problems = KnownDifferencesCheck.problems(List.of(
                result("upper", "SELECT upper('straße')", Outcome.differs("x")),
                result("abs", "SELECT abs(-5)", Outcome.differs("Glaux answers '4', Trino '5'"))), KNOWN);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("Differs from Trino and is not a known difference: SELECT abs(-5)")
                .contains("Glaux answers '4'");
        assertThat(problems.get(1)).startsWith("Listed in known-differences.tsv but not in the fixture")
                .contains("try(1 / 0)");
    }

    @Test
    void rewritingKeepsAListedReasonWhileTheQueryFailsTheSameWay() {
        List<KnownDifferences.Entry> entries = KnownDifferencesCheck.updated(List.of(
                result("upper", "SELECT upper('straße')", Outcome.differs("Glaux answers 'STRASSE'")),
                result("try", "SELECT try(1 / 0)", Outcome.differs("Glaux answers 0")),
                result("abs", "SELECT abs(-5)", Outcome.AGREE)), KNOWN);
        assertThat(entries).extracting(KnownDifferences.Entry::reason).containsExactly(
                "Java upper-cases ß to SS; Trino maps code point by code point", "Glaux answers 0");
        assertThat(entries).extracting(KnownDifferences.Entry::kind)
                .containsExactly(Outcome.Kind.DIFFERS, Outcome.Kind.DIFFERS);
    }
}
