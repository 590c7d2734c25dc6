package io.glaux.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's {@code glaux} launcher picking a Java: the one that made the build's ahead-of-time cache when it
 * is found (JAVA_HOME, PATH, then the usual folders), else JAVA_HOME's or PATH's java with the class-data sharing
 * archive. Run on a copy of the script in a checkout of fake build outputs and JDKs whose java prints its arguments.
 */
// Off on Windows only: what it tests is POSIX-only (the sh launcher, JDKs laid out as bin/java with a release file,
// executable fake JDKs and symbolic links); it runs on Linux (CI) and macOS.
@DisabledOnOs(OS.WINDOWS)
class LauncherTest {

    private static final String CACHE_RUNTIME = "25.0.3+9-LTS";

    /** The launcher's C2 and C1 thresholds, before any JAVA_OPTS. */
    private static final String JIT = " -XX:Tier4InvocationThreshold=50000 -XX:Tier4CompileThreshold=150000"
            + " -XX:Tier4BackEdgeThreshold=400000 -XX:Tier3InvocationThreshold=1000 -XX:Tier3MinInvocationThreshold=500"
            + " -XX:Tier3CompileThreshold=10000";
    /** With the cache: no replay of training data the cache does not hold. */
    private static final String NO_REPLAY = " -XX:+UnlockDiagnosticVMOptions -XX:-AOTReplayTraining";

    @TempDir
    Path root;

    private Path checkout;
    private Path target;
    private Path jdks;

    @BeforeEach
    void checkout() throws IOException {
        checkout = Files.createDirectories(root.resolve("glaux"));
        Files.copy(Path.of("..", "glaux"), checkout.resolve("glaux"), StandardCopyOption.COPY_ATTRIBUTES);
        target = Files.createDirectories(checkout.resolve("server/target"));
        Files.writeString(target.resolve("glaux.jar"), "");
        Files.writeString(target.resolve("glaux.jsa"), "");
        jdks = Files.createDirectories(root.resolve("jvm"));
    }

    private void cacheMadeBy(String runtimeVersion) throws IOException {
        Files.writeString(target.resolve("glaux.aot"), "");
        Files.writeString(target.resolve("glaux.aot.runtime"), runtimeVersion + "\n");
    }

    /** What the launcher ran: the fake java's path and arguments. */
    private String launch(Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", checkout.resolve("glaux").toString(), "serve", "--port",
                "0").redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("JAVA") || name.startsWith("GLAUX"));
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().put("GLAUX_JDK_SEARCH", "");
        builder.environment().put("GLAUX_THP_SETTING", "/dev/null");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void theJdkThatMadeTheCacheIsFoundInTheUsualFoldersWhenJavaHomeIsOlder() throws Exception {
        Path home17 = FakeJdks.jdk(jdks.resolve("java-17"), "17.0.15+6");
        Path home25 = FakeJdks.jdk(jdks.resolve("temurin-25"), CACHE_RUNTIME);
        cacheMadeBy(CACHE_RUNTIME);

        String ran = launch(Map.of("JAVA_HOME", home17.toString(), "GLAUX_JDK_SEARCH", jdks.toString()));

        // Started as the build's training run started it, or the cache would be refused.
        assertThat(ran).isEqualTo(home25.resolve("bin/java") + JIT + NO_REPLAY + " -XX:AOTCache="
                + target.resolve("glaux.aot")
                + " " + String.join(" ", AotCacheRecorder.launchArguments(target.resolve("glaux.jar")))
                + " serve --port 0");
    }

    @Test
    void linksToTheJdkThatMadeTheCacheAreFollowedWhetherTheJavaOrItsBinFolderIsTheLink() throws Exception {
        Path home25 = FakeJdks.jdk(jdks.resolve("temurin-25"), CACHE_RUNTIME);
        Path bin = Files.createDirectories(root.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("java"), home25.resolve("bin/java"));
        Path linkedHome = Files.createDirectories(root.resolve("tools/jdk"));
        Files.createSymbolicLink(linkedHome.resolve("bin"), home25.resolve("bin"));
        cacheMadeBy(CACHE_RUNTIME);

        String javaOnPath = launch(Map.of("PATH", bin + ":/usr/bin:/bin"));
        String javaHomeBin = launch(Map.of("JAVA_HOME", linkedHome.toString()));

        String cache = " -XX:AOTCache=" + target.resolve("glaux.aot") + " ";
        assertThat(javaOnPath).startsWith(bin.resolve("java") + JIT + NO_REPLAY + cache);
        assertThat(javaHomeBin).startsWith(linkedHome.resolve("bin/java") + JIT + NO_REPLAY + cache);
    }

    @Test
    void aReleaseFileWithoutQuotesAndWithWindowsLineEndsStillNamesTheRuntime() throws Exception {
        Path home25 = FakeJdks.jdk(jdks.resolve("temurin-25"), CACHE_RUNTIME);
        Files.writeString(home25.resolve("release"), "IMPLEMENTOR=Test\r\nJAVA_RUNTIME_VERSION=" + CACHE_RUNTIME
                + " \r\nJAVA_VERSION=25.0.3");
        cacheMadeBy(CACHE_RUNTIME);

        String ran = launch(Map.of("GLAUX_JDK_SEARCH", jdks.toString()));

        assertThat(ran).startsWith(home25.resolve("bin/java") + JIT + NO_REPLAY + " -XX:AOTCache=");
    }

    @Test
    void anotherUpdateOfTheSameReleaseDoesNotGetTheCacheAndJavaHomeStartsWithTheArchive() throws Exception {
        Path home17 = FakeJdks.jdk(jdks.resolve("java-17"), "17.0.15+6");
        FakeJdks.jdk(jdks.resolve("temurin-25"), "25.0.2+10-LTS");
        cacheMadeBy(CACHE_RUNTIME);

        String ran = launch(Map.of("JAVA_HOME", home17.toString(), "GLAUX_JDK_SEARCH", jdks.toString()));

        assertThat(ran).isEqualTo(home17.resolve("bin/java") + JIT + " -XX:SharedArchiveFile="
                + target.resolve("glaux.jsa") + " -jar " + target.resolve("glaux.jar") + " serve --port 0");
    }

    @Test
    void withoutACacheNoJdkIsSearchedForAndJavaHomeStartsWithTheArchive() throws Exception {
        Path home17 = FakeJdks.jdk(jdks.resolve("java-17"), "17.0.15+6");
        FakeJdks.jdk(jdks.resolve("temurin-25"), CACHE_RUNTIME);

        String ran = launch(Map.of("JAVA_HOME", home17.toString(), "GLAUX_JDK_SEARCH", jdks.toString()));

        assertThat(ran).startsWith(home17.resolve("bin/java") + JIT + " -XX:SharedArchiveFile=");
    }

    @Test
    void aCacheWithoutItsRuntimeVersionIsNotUsed() throws Exception {
        Path home17 = FakeJdks.jdk(jdks.resolve("java-17"), "17.0.15+6");
        cacheMadeBy("");

        String ran = launch(Map.of("JAVA_HOME", home17.toString(), "GLAUX_JDK_SEARCH", jdks.toString()));

        assertThat(ran).startsWith(home17.resolve("bin/java") + JIT + " -XX:SharedArchiveFile=");
    }

    @Test
    void javaNamesTheJavaToUseAndNothingIsSearchedFor() throws Exception {
        Path home17 = FakeJdks.jdk(jdks.resolve("java-17"), "17.0.15+6");
        Path home25 = FakeJdks.jdk(jdks.resolve("temurin-25"), CACHE_RUNTIME);
        cacheMadeBy(CACHE_RUNTIME);

        String chosen17 = launch(Map.of("JAVA", home17.resolve("bin/java").toString(),
                "GLAUX_JDK_SEARCH", jdks.toString()));
        String chosen25 = launch(Map.of("JAVA", home25.resolve("bin/java").toString(),
                "JAVA_OPTS", "-Xmx1g"));

        assertThat(chosen17).startsWith(home17.resolve("bin/java") + JIT + " -XX:SharedArchiveFile=");
        assertThat(chosen25).startsWith(home25.resolve("bin/java") + JIT + NO_REPLAY + " -Xmx1g -XX:AOTCache=");
    }

    @Test
    void theHeapAsksForHugePagesOnlyWhereTheKernelGivesThemToMemoryThatAsks() throws Exception {
        Path home17 = FakeJdks.jdk(jdks.resolve("java-17"), "17.0.15+6");
        Map<String, String> settings = Map.of("madvise", "always [madvise] never\n", "always",
                "[always] madvise never\n", "never", "always madvise [never]\n", "without a line end",
                "always [madvise] never");
        Map<String, String> ran = new TreeMap<>();
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            Path file = Files.writeString(root.resolve("thp-" + setting.getKey()), setting.getValue());
            ran.put(setting.getKey(), launch(Map.of("JAVA", home17.resolve("bin/java").toString(),
                    "GLAUX_THP_SETTING", file.toString())));
        }
        String missing = launch(Map.of("JAVA", home17.resolve("bin/java").toString(),
                "GLAUX_THP_SETTING", root.resolve("no-such-file").toString()));

        String asking = home17.resolve("bin/java") + JIT + " -XX:+UseTransparentHugePages -XX:SharedArchiveFile=";
        String plain = home17.resolve("bin/java") + JIT + " -XX:SharedArchiveFile=";
        assertThat(ran.get("madvise")).startsWith(asking);
        assertThat(ran.get("without a line end")).startsWith(asking);
        assertThat(ran.get("always")).startsWith(plain);
        assertThat(ran.get("never")).startsWith(plain);
        assertThat(missing).startsWith(plain);
    }
}
