package io.glaux.athena.api;

import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * boto3 and pandas ({@code /usr/bin/python3} with Debian's python3-boto3 and python3-pandas) read one query's
 * results the three ways Python clients do — GetQueryResults pages, the CSV object at OutputLocation, and the files
 * in an UNLOAD's DataManifestLocation (JSON and TEXTFILE) — into DataFrames that must be equal
 * ({@code python-clients/athena_results.py}).
 */
@Tag("clients")
class AthenaResultsPandasTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path BOTO3 = Path.of("/usr/lib/python3/dist-packages/boto3/__init__.py");
    private static final Path PANDAS = Path.of("/usr/lib/python3/dist-packages/pandas/__init__.py");

    @TempDir
    static Path data;
    @TempDir
    static Path out;

    private static GlauxServer server;

    @BeforeAll
    static void start() throws Exception {
        ExternalClient.require(PYTHON, "apt-get install -y python3");
        ExternalClient.requireFile(BOTO3, "apt-get install -y python3-boto3");
        ExternalClient.requireFile(PANDAS, "apt-get install -y python3-pandas");
        server = GlauxServer.builder().dataFolder(data).syncWrites(false).start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void pagesCsvAndUnloadManifestFilesGiveEqualDataFrames() throws Exception {
        Path script = ExternalClient.testResourceSource("python-clients").resolve("athena_results.py");
        ExternalClient.Result result = ExternalClient.run(List.of(PYTHON.toString(), script.toString(),
                server.endpoint()), out, ExternalClient.awsEnvironment(out), Duration.ofMinutes(3));
        assertThat(result.exitCode()).as(result.describe()).isZero();
        Map<String, String> facts = result.stdout().lines().map(line -> line.split("\t", 2))
                .collect(Collectors.toMap(parts -> parts[0], parts -> parts[1]));
        assertThat(facts).as(result.describe())
                .containsEntry("TYPES", "bigint,double,decimal,varchar,boolean,date,timestamp")
                .containsEntry("ROWS", "3")
                .containsEntry("CSV_EQUALS_PAGES", "yes")
                .containsEntry("UNLOAD_STATEMENT", "DML")
                .containsEntry("JSON_FILES", "1")
                .containsEntry("JSON_EQUALS_PAGES", "yes")
                .containsEntry("TEXTFILE_EQUALS_PAGES", "yes");
    }
}
