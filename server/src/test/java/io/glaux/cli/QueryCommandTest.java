package io.glaux.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class QueryCommandTest {

    @TempDir
    Path data;

    private record Run(int exit, String out) {
    }

    private Run glaux(String stdin, String... args) {
        PrintStream originalOut = System.out;
        InputStream originalIn = System.in;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            int exit = new CommandLine(new GlauxCommand()).execute(args);
            return new Run(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setIn(originalIn);
        }
    }

    @Test
    void firstStartLoadsTheSampleShopAndAnswersQueriesAboutIt() {
        Run run = glaux("", "query", "--data", data.toString(),
                "SELECT count(*) AS orders FROM shop.orders; SELECT count(*) AS customers FROM shop.customers");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("orders\n------\n20000 \n(1 row)\n").contains("customers\n---------\n1000     \n");
        assertThat(run.out()).containsPattern("SUCCEEDED in \\d+ ms, .* scanned, result s3://glaux-query-results/");
        assertThat(Files.exists(data.resolve(".glaux/sample-data-installed"))).isTrue();
    }

    @Test
    void theSampleDataIsInstalledOnlyOnce() {
        assertThat(glaux("", "query", "--data", data.toString(), "DROP TABLE shop.products").exit()).isZero();
        Run again = glaux("", "query", "--data", data.toString(), "SHOW TABLES IN shop");
        assertThat(again.out()).contains("customers").contains("orders").doesNotContain("products");
    }

    @Test
    void statementsCanComeFromStdinAndAFailureStopsTheScriptWithExitCode1() {
        Run run = glaux("SELECT 1 AS a;\nSELECT nope FROM shop.orders;\nSELECT 2 AS b;\n",
                "query", "--data", data.toString(), "--no-sample-data", "-");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("a\n-\n1\n(1 row)");
        assertThat(run.out()).contains("FAILED: SCHEMA_NOT_FOUND: line 1:18: Schema 'shop' does not exist");
        assertThat(run.out()).doesNotContain("\nb\n");
    }
}
