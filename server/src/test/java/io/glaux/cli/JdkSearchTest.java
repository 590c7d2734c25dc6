package io.glaux.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Finding installed JDKs as the build's cache step does: JAVA_HOME, then PATH, then the usual folders. */
// Off on Windows only: what it tests is POSIX-only (the sh launcher, JDKs laid out as bin/java with a release file,
// executable fake JDKs and symbolic links); it runs on Linux (CI) and macOS.
@DisabledOnOs(OS.WINDOWS)
class JdkSearchTest {

    @TempDir
    Path root;

    @Test
    void theFeatureReleaseIsReadFromTheRuntimeVersionOfEitherNumbering() {
        assertThat(new InstalledJdk(root, "25.0.3+9-LTS").feature()).isEqualTo(25);
        assertThat(new InstalledJdk(root, "17.0.15+6-Debian-1deb12u1").feature()).isEqualTo(17);
        assertThat(new InstalledJdk(root, "26-ea+20").feature()).isEqualTo(26);
        assertThat(new InstalledJdk(root, "1.8.0_402-b06").feature()).isEqualTo(8);
    }

    @Test
    void aFolderWithoutReleaseFileOrJavaIsNoJdk() throws Exception {
        Files.createDirectories(root.resolve("empty/bin"));
        Files.createDirectories(root.resolve("no-java"));
        Files.writeString(root.resolve("no-java/release"), "JAVA_RUNTIME_VERSION=\"25.0.3+9-LTS\"\n");

        assertThat(InstalledJdk.at(root.resolve("empty"))).isEmpty();
        assertThat(InstalledJdk.at(root.resolve("no-java"))).isEmpty();
    }

    @Test
    void javaHomeComesFirstThenPathsJavaFollowedThroughItsLinkThenTheUsualFolders() throws Exception {
        Path home17 = FakeJdks.jdk(root.resolve("jdk-17"), "17.0.15+6");
        Path onPath = FakeJdks.jdk(root.resolve("jdk-21"), "21.0.7+6");
        Path bin = Files.createDirectories(root.resolve("usr-bin"));
        Files.createSymbolicLink(bin.resolve("java"), onPath.resolve("bin/java"));
        Path usual = Files.createDirectories(root.resolve("jvm"));
        FakeJdks.jdk(usual.resolve("temurin-25-jdk"), "25.0.3+9-LTS");
        FakeJdks.jdk(usual.resolve("temurin-26-jdk"), "26.0.1+4");
        // JAVA_HOME's JDK again under the usual folder: found once.
        Files.createSymbolicLink(usual.resolve("default-java"), home17);

        JdkSearch search = new JdkSearch(Map.of("JAVA_HOME", home17.toString(), "PATH", bin.toString(),
                "GLAUX_JDK_SEARCH", usual.toString()));

        assertThat(search.installations()).extracting(InstalledJdk::runtimeVersion)
                .containsExactly("17.0.15+6", "21.0.7+6", "26.0.1+4", "25.0.3+9-LTS");
        assertThat(search.first(25)).map(InstalledJdk::runtimeVersion).contains("26.0.1+4");
        assertThat(search.first(21)).map(InstalledJdk::home).contains(onPath);
    }

    @Test
    void macOsHomesUnderContentsHomeAreFound() throws Exception {
        Path folder = Files.createDirectories(root.resolve("JavaVirtualMachines"));
        FakeJdks.jdk(folder.resolve("temurin-25.jdk/Contents/Home"), "25.0.3+9-LTS");

        JdkSearch search = new JdkSearch(Map.of("GLAUX_JDK_SEARCH", folder.toString()));

        assertThat(search.first(25)).map(InstalledJdk::home)
                .contains(folder.resolve("temurin-25.jdk/Contents/Home"));
    }

    @Test
    void withOnlyOlderJdksNoneIsFound() throws Exception {
        Path home17 = FakeJdks.jdk(root.resolve("jdk-17"), "17.0.15+6");

        JdkSearch search = new JdkSearch(Map.of("JAVA_HOME", home17.toString(), "GLAUX_JDK_SEARCH", ""));

        assertThat(search.installations()).hasSize(1);
        assertThat(search.first(AotCacheRecorder.MINIMUM_FEATURE)).isEmpty();
    }
}
