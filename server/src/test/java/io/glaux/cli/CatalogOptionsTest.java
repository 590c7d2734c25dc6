package io.glaux.cli;

import io.glaux.connectors.jdbc.PostgresExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code glaux query --catalog NAME=CONNECTION}: a PostgreSQL database queried in one command. */
@Tag("postgres")
class CatalogOptionsTest {

    @RegisterExtension
    static final PostgresExtension PG = new PostgresExtension("glaux_cli");

    @TempDir
    Path data;

    private String glaux(String... args) {
        PrintStream originalOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            int exit = new CommandLine(new GlauxCommand()).execute(args);
            assertThat(exit).as(captured.toString(StandardCharsets.UTF_8)).isZero();
            return captured.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(originalOut);
        }
    }

    @Test
    void aDatabaseGivenOnTheCommandLineIsQueriedJoinedWithTheSampleData() {
        PG.execute("DROP TABLE IF EXISTS loyalty", "CREATE TABLE loyalty (customer_id bigint, points int)",
                "INSERT INTO loyalty SELECT g, g * 10 FROM generate_series(1, 5) g");

        String out = glaux("query", "--data", data.toString(),
                "--catalog", "crm=" + PG.server().connectionString(PG.database()),
                "SELECT count(*) AS members, sum(l.points) AS points FROM crm.public.loyalty l"
                        + " JOIN shop.customers c ON c.customer_id = l.customer_id");

        assertThat(out).contains("members | points\n--------+-------\n5       | 150   \n");
    }

    @Test
    void aCatalogFileNamesDatabasesAndItsPasswordsAreNotStored() throws Exception {
        PG.execute("DROP TABLE IF EXISTS points", "CREATE TABLE points (n int)", "INSERT INTO points VALUES (7)");
        Path file = data.resolve("catalogs.properties");
        Files.writeString(file, "crm=" + PG.server().connectionString(PG.database()).replace(":", "\\:") + "\n");

        String out = glaux("query", "--data", data.resolve("glaux").toString(), "--no-sample-data",
                "--catalog-file", file.toString(), "SELECT n FROM crm.public.points");

        assertThat(out).contains("n\n-\n7\n");
        try (var stored = Files.walk(data.resolve("glaux"))) {
            for (Path path : stored.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(path, StandardCharsets.ISO_8859_1)).as(path.toString())
                        .doesNotContain("glaux-test-secret");
            }
        }
    }
}
