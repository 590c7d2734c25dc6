package io.glaux.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The README's run command as {@link StartupTime} times it: {@code ./glaux} starting the jar the build made with the
 * options it passes with the build's ahead-of-time cache (a diagnostic option among them) or class-data sharing
 * archive. This module is built after the server's jar and its archives, so this is where the real JVM can refuse
 * them: the JVM is told to stop rather than start without them.
 */
class ReadmeLauncherTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void theLauncherStartsTheBuiltJarOnWhatTheBuildRecordedAndAnswersItsSelfTest(@TempDir Path data) throws Exception {
        Path target = ROOT.resolve("server/target");
        assumeTrue(Files.isRegularFile(target.resolve("glaux.jar")), "the server's jar is not built");
        boolean cache = Files.isRegularFile(target.resolve("glaux.aot"));
        assumeTrue(cache || Files.isRegularFile(target.resolve("glaux.jsa")), "the build recorded no archive");
        ProcessBuilder builder = new ProcessBuilder("sh", ROOT.resolve("glaux").toString(), "serve", "--port", "0",
                "--data", data.toString(), "--no-sample-data", "--exit-after-self-test").redirectErrorStream(true);
        // A cache the build made is one a JDK 25 or newer on this machine made, which the launcher looks for.
        builder.environment().put("JAVA_OPTS", cache ? "-XX:AOTMode=on" : "-Xshare:on");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Self-test: query ").contains("SUCCEEDED").doesNotContainIgnoringCase("warning");
    }
}
