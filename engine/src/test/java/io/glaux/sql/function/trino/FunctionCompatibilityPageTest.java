package io.glaux.sql.function.trino;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/functions.md is what {@link FunctionCompatibilityPage} writes from the fixture, the known differences and
 * Glaux's function registry, so the page stays true. {@code -Dglaux.functionsPage.update=true} rewrites it.
 */
class FunctionCompatibilityPageTest {

    @Test
    void committedPageIsWhatTheGeneratorWrites() throws IOException {
        String expected = FunctionCompatibilityPage.render(TrinoAnswers.load(), KnownDifferences.read(),
                FunctionCompatibilityPage.registeredNames());
        if (Boolean.getBoolean("glaux.functionsPage.update")) {
            Files.writeString(FunctionCompatibilityPage.PAGE, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(FunctionCompatibilityPage.PAGE, StandardCharsets.UTF_8))
                .as("docs/functions.md is stale; rewrite it with -Dglaux.functionsPage.update=true")
                .isEqualTo(expected);
    }

    @Test
    void pageListsEveryTrinoFunctionWithItsStatus() {
        TrinoAnswers fixture = TrinoAnswers.load();
        String page = FunctionCompatibilityPage.render(fixture, KnownDifferences.read(),
                FunctionCompatibilityPage.registeredNames());
        for (String function : fixture.functions()) {
            assertThat(page).containsPattern("\\| `" + java.util.regex.Pattern.quote(function)
                    + "` \\| (yes|yes \\(untested\\)|partly|no) \\| ");
        }
    }
}
