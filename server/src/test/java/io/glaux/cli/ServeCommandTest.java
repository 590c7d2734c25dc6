package io.glaux.cli;

import io.glaux.Glaux;
import io.glaux.exec.QueryExecution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ServeCommandTest {

    @TempDir
    Path data;

    @Test
    void theSelfTestServesOneQueryOverHttpAndStops() throws Exception {
        PrintStream originalOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new GlauxCommand()).execute("serve", "--port", "0", "--data", data.toString(),
                    "--no-sample-data", "--exit-after-self-test");
        } finally {
            System.setOut(originalOut);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(out).isZero();
        assertThat(out).containsPattern("Self-test: query [0-9a-f-]{36} SUCCEEDED and its results were read");

        // The self-test query is an ordinary one, kept in the history.
        try (Glaux glaux = Glaux.builder().dataFolder(data).build()) {
            assertThat(glaux.queries().list("primary")).hasSize(1);
        }
    }

    @Test
    void theSelfTestAlsoRunsTheSampleDataExamplesWhenTheSampleIsRegistered() throws Exception {
        Run run = serve("serve", "--port", "0", "--data", data.toString(), "--exit-after-self-test");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        int queries = 1 + io.glaux.sample.SampleDataset.exampleQueries().size();
        assertThat(run.out()).containsPattern("Self-test: " + queries
                + " queries \\(the first [0-9a-f-]{36}\\) SUCCEEDED and their results were read");

        // Each ran as a client's query would and is kept in the history; the sample's install ran none. The install
        // was forced to disk beside the start and marked done before the process stopped.
        assertThat(data.resolve(".glaux").resolve("sample-data-installed")).exists();
        try (Glaux glaux = Glaux.builder().dataFolder(data).build()) {
            List<String> ran = glaux.queries().list("primary").stream().map(QueryExecution::query).toList();
            List<String> expected = new java.util.ArrayList<>(io.glaux.sample.SampleDataset.exampleQueries());
            expected.add(SelfTest.queries(glaux.catalog()).get(0));
            assertThat(ran).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void aStartNeverStartsThePlatformMBeanServer(@TempDir Path logs) throws Exception {
        // Jetty asks the platform MBean server whether references are compressed unless told; starting it registers
        // every platform MBean and parses JFR's settings files, at every start. The command tells Jetty instead.
        Path classes = logs.resolve("classes.log");
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Xlog:class+load=info:file=" + classes, "-cp", System.getProperty("java.class.path"),
                GlauxCommand.class.getName(), "serve", "--port", "0", "--data", data.toString(), "--no-sample-data",
                "--exit-after-self-test").redirectErrorStream(true).redirectOutput(logs.resolve("out.log").toFile())
                .start();
        assertThat(serve.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(logs.resolve("out.log"));
        assertThat(serve.exitValue()).as(out).isZero();
        assertThat(out).contains("Self-test: query");

        assertThat(Files.readString(classes)).contains("org.eclipse.jetty.util.MemoryUtils")
                .doesNotContain("com.sun.jmx.mbeanserver.JmxMBeanServer");
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run serve(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = new CommandLine(new GlauxCommand()).execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    @Test
    void theRulesOfAFaultsFileAreInjectedFromTheStart(@TempDir Path folder) throws Exception {
        Path faults = folder.resolve("faults.json");
        Files.writeString(faults, """
                {"seed": 9, "rules": [{"service": "athena", "sql": "'ok'",
                  "failQuery": {"errorCategory": 2, "errorType": 1001, "message": "HIVE_BAD_DATA: injected"}}]}""");
        Run run = serve("serve", "--port", "0", "--data", data.toString(), "--no-sample-data", "--faults",
                faults.toString(), "--exit-after-self-test");
        assertThat(run.exit()).as(run.out()).isNotZero();
        assertThat(run.out()).contains("Injecting faults: 1 rule(s) from " + faults + ", seed 9");
        assertThat(run.err()).contains("The self-test query did not succeed").contains("HIVE_BAD_DATA: injected");
    }

    @Test
    void aFaultsFileWithAMistakeStopsServeNamingIt(@TempDir Path folder) throws Exception {
        Path faults = folder.resolve("faults.json");
        Files.writeString(faults, "{\"rules\": [{\"service\": \"athena\", \"latency\": -1}]}");
        Run run = serve("serve", "--port", "0", "--data", data.toString(), "--no-sample-data", "--faults",
                faults.toString(), "--exit-after-self-test");
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("faults.json: rules[0].latency: needs 0 <= minMillis");
    }
}
