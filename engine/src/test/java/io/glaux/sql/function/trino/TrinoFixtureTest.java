package io.glaux.sql.function.trino;

import io.glaux.sql.function.trino.TrinoAnswers.TrinoAnswer;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every documented function example of Trino 368 (trino/function-examples.tsv), run through Glaux and compared with
 * the answer a real Trino 368 gave (trino/function-answers.json): Glaux agrees, or the query is listed in
 * trino/known-differences.tsv. The test fails when a listed query starts agreeing (remove it: the list only shrinks)
 * and when an unlisted one disagrees. With {@code -Dglaux.trinoFixture.update=true} it rewrites the list instead.
 * The counts (agree / differ / unsupported, in all and by function) go to target/trino-fixture-report.txt.
 */
class TrinoFixtureTest {

    @TempDir
    Path data;

    @Test
    void everyDocumentedExampleAgreesWithTrinoOrIsAKnownDifference() throws IOException {
        TrinoAnswers fixture = TrinoAnswers.load();
        KnownDifferences known = KnownDifferences.read();
        List<KnownDifferencesCheck.Result> results = new ArrayList<>();
        Map<String, Map<Outcome.Kind, Integer>> byFunction = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        try (GlauxFixture glaux = GlauxFixture.local(data)) {
            GlauxComparison comparison = new GlauxComparison(glaux);
            for (TrinoAnswer answer : fixture.answers()) {
                Outcome outcome = comparison.compare(answer);
                results.add(new KnownDifferencesCheck.Result(answer, outcome));
                byFunction.computeIfAbsent(answer.function(), f -> new EnumMap<>(Outcome.Kind.class))
                        .merge(outcome.kind(), 1, Integer::sum);
            }
        }
        report(fixture, byFunction);
        if (Boolean.getBoolean("glaux.trinoFixture.update")) {
            KnownDifferences.write(KnownDifferencesCheck.updated(results, known));
            return;
        }
        assertThat(KnownDifferencesCheck.problems(results, known))
                .as("Glaux vs Trino %s (rewrite the list with -Dglaux.trinoFixture.update=true)",
                        fixture.trinoVersion())
                .isEmpty();
    }

    @Test
    void fixtureCoversTwoHundredFunctionsWithTheirDocumentedExamples() {
        TrinoAnswers fixture = TrinoAnswers.load();
        Set<String> lowerCaseFunctions = new HashSet<>();
        fixture.functions().forEach(f -> lowerCaseFunctions.add(f.toLowerCase(java.util.Locale.ROOT)));
        Set<String> covered = new HashSet<>();
        for (TrinoAnswer a : fixture.answers()) {
            if (lowerCaseFunctions.contains(a.function().toLowerCase(java.util.Locale.ROOT))) {
                covered.add(a.function().toLowerCase(java.util.Locale.ROOT));
            }
        }
        assertThat(fixture.trinoVersion()).isEqualTo("368");
        assertThat(fixture.answers()).hasSizeGreaterThanOrEqualTo(250);
        assertThat(covered).hasSizeGreaterThanOrEqualTo(200);
    }

    private static void report(TrinoAnswers fixture, Map<String, Map<Outcome.Kind, Integer>> byFunction)
            throws IOException {
        Map<Outcome.Kind, Integer> total = new EnumMap<>(Outcome.Kind.class);
        StringBuilder lines = new StringBuilder();
        byFunction.forEach((function, counts) -> {
            counts.forEach((k, n) -> total.merge(k, n, Integer::sum));
            lines.append(String.format("%-32s agree %3d  differ %3d  unsupported %3d%n", function,
                    counts.getOrDefault(Outcome.Kind.AGREES, 0), counts.getOrDefault(Outcome.Kind.DIFFERS, 0),
                    counts.getOrDefault(Outcome.Kind.UNSUPPORTED, 0)));
        });
        String head = String.format("Glaux vs Trino %s: %d queries, %d functions: agree %d, differ %d, unsupported %d%n",
                fixture.trinoVersion(), fixture.answers().size(), byFunction.size(),
                total.getOrDefault(Outcome.Kind.AGREES, 0), total.getOrDefault(Outcome.Kind.DIFFERS, 0),
                total.getOrDefault(Outcome.Kind.UNSUPPORTED, 0));
        System.out.print(head);
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("trino-fixture-report.txt"), head + lines, StandardCharsets.UTF_8);
    }
}
