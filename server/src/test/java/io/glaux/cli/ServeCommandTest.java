package io.glaux.cli;

import io.glaux.Glaux;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

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

        // The self-test query is an ordinary one, kept in the history; the warm-up left no trace of its own.
        try (Glaux glaux = Glaux.builder().dataFolder(data).build()) {
            assertThat(glaux.queries().list("primary")).hasSize(1);
        }
    }

    @Test
    void warmingUpRunsNoQueryAClientCouldSee() throws Exception {
        try (Glaux glaux = Glaux.builder().dataFolder(data).build()) {
            glaux.warmUp();
            assertThat(glaux.queries().list("primary")).isEmpty();
            assertThat(glaux.store().listAll("glaux-query-results", "")).isEmpty();
        }
    }
}
