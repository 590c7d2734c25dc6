package io.glaux.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build's ahead-of-time cache step: skipped cleanly without a JDK 25 (no stale cache left behind for the
 * launcher), and with one, the training run's cache kept together with the runtime version that made it.
 */
// Off on Windows only: what it tests is POSIX-only (the sh launcher, JDKs laid out as bin/java with a release file,
// executable fake JDKs and symbolic links); it runs on Linux (CI) and macOS.
@DisabledOnOs(OS.WINDOWS)
class AotCacheRecorderTest {

    @TempDir
    Path root;

    @Test
    void withoutAJdk25TheStepSucceedsAndRemovesTheCacheOfAnEarlierBuild() throws Exception {
        Path cache = root.resolve("glaux.aot");
        Files.writeString(cache, "made by an earlier build");
        Files.writeString(AotCacheRecorder.runtimeFile(cache), "25.0.2+10\n");

        int exit = AotCacheRecorder.record(Optional.empty(), root.resolve("glaux.jar"), cache, root.resolve("data"));

        assertThat(exit).isZero();
        assertThat(cache).doesNotExist();
        assertThat(root.resolve("glaux.aot.runtime")).doesNotExist();
    }

    @Test
    void skippedTheStepOnlyRemovesTheCacheOfAnEarlierBuild() throws Exception {
        Path cache = root.resolve("glaux.aot");
        Files.writeString(cache, "made by an earlier build");
        Files.writeString(AotCacheRecorder.runtimeFile(cache), "25.0.3+9-LTS\n");

        AotCacheRecorder.main(new String[] {root.resolve("glaux.jar").toString(), cache.toString(),
                root.resolve("data").toString(), "true"});

        assertThat(cache).doesNotExist();
        assertThat(root.resolve("glaux.aot.runtime")).doesNotExist();
        assertThat(root.resolve("data")).doesNotExist();
    }

    @Test
    void theTrainingRunWritesTheCacheAndItsRuntimeVersionIsRecorded() throws Exception {
        // A java that writes the file -XX:AOTCacheOutput names and records its arguments, as JDK 25 does.
        Path home = FakeJdks.jdk(root.resolve("jdk-25"), "25.0.3+9-LTS", """
                for arg in "$@"; do
                    case "$arg" in -XX:AOTCacheOutput=*) echo cache > "${arg#-XX:AOTCacheOutput=}";; esac
                done
                echo "$*" > "$(dirname "$0")/../arguments"
                """);
        InstalledJdk jdk = InstalledJdk.at(home).orElseThrow();
        Path cache = root.resolve("target/glaux.aot");
        Files.createDirectories(cache.getParent());

        int exit = AotCacheRecorder.record(Optional.of(jdk), root.resolve("target/glaux.jar"), cache,
                root.resolve("target/aot-training-data"));

        assertThat(exit).isZero();
        assertThat(Files.readString(cache)).isEqualTo("cache\n");
        assertThat(Files.readString(root.resolve("target/glaux.aot.runtime"))).isEqualTo("25.0.3+9-LTS\n");
        assertThat(Files.readString(home.resolve("arguments"))).contains("-XX:-AOTRecordTraining")
                .contains(String.join(" ", AotCacheRecorder.launchArguments(root.resolve("target/glaux.jar"))))
                .contains("serve --port 0 --data " + root.resolve("target/aot-training-data")
                        + " --exit-after-self-test");
    }

    @Test
    void theCacheLaunchOpensThePackagesTheJarsManifestOpens() throws Exception {
        // The manifest's Add-Opens serves java -jar; the cache's launch names the jar as the class path instead.
        Matcher manifest = Pattern.compile("<Add-Opens>([^<]*)</Add-Opens>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(manifest.find()).isTrue();
        List<String> opened = AotCacheRecorder.launchArguments(root.resolve("glaux.jar")).stream()
                .filter(argument -> argument.startsWith("--add-opens="))
                .map(argument -> argument.substring("--add-opens=".length(), argument.indexOf("=ALL-UNNAMED")))
                .toList();
        assertThat(opened).containsExactly(manifest.group(1).trim().split("\\s+"));
    }

    @Test
    void aFailedTrainingRunFailsTheStepAndLeavesNoCache() throws Exception {
        Path home = FakeJdks.jdk(root.resolve("jdk-25"), "25.0.3+9-LTS", "exit 3");
        Path cache = root.resolve("glaux.aot");

        int exit = AotCacheRecorder.record(InstalledJdk.at(home), root.resolve("glaux.jar"), cache,
                root.resolve("data"));

        assertThat(exit).isEqualTo(3);
        assertThat(cache).doesNotExist();
        assertThat(root.resolve("glaux.aot.runtime")).doesNotExist();
    }
}
