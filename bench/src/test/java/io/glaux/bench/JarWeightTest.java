package io.glaux.bench;

import io.glaux.bench.JarWeight.Report;
import io.glaux.bench.JarWeight.Weight;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JarWeight} over a shaded jar made here from two repository jars and a reactor module's classes folder: each
 * entry is credited to the first class path element that holds it, and the rows add up to the file.
 */
class JarWeightTest {

    @TempDir
    Path folder;

    @Test
    void creditsEachEntryToTheFirstClassPathElementHoldingIt() throws IOException {
        Path guava = jar(folder.resolve("repository/com/google/guava/guava/33.0/guava-33.0.jar"), Map.of(
                "com/google/common/base/Strings.class", text(5_000),
                "META-INF/services/java.lang.Runnable", "com.google.Run\n"));
        Path calcite = jar(folder.resolve("repository/org/apache/calcite/calcite-core/1.42.0/calcite-core-1.42.0.jar"),
                Map.of("org/apache/calcite/Planner.class", text(20_000),
                        "META-INF/services/java.lang.Runnable", "org.apache.Run\n"));
        Path engine = Files.createDirectories(folder.resolve("engine/target/classes/io/glaux"));
        Files.writeString(engine.resolve("Engine.class"), text(3_000));
        Map<String, String> shaded = new LinkedHashMap<>();
        shaded.put("META-INF/MANIFEST.MF", "Main-Class: io.glaux.Main\n");
        shaded.put("io/", null);
        shaded.put("io/glaux/Engine.class", text(3_000));
        shaded.put("com/google/common/base/Strings.class", text(5_000));
        shaded.put("org/apache/calcite/Planner.class", text(20_000));
        shaded.put("META-INF/services/java.lang.Runnable", "com.google.Run\norg.apache.Run\n");
        Path glaux = jar(folder.resolve("glaux.jar"), shaded);

        Report report = JarWeight.weigh(glaux, List.of(folder.resolve("engine/target/classes"), guava, calcite,
                folder.resolve("missing.jar")));

        Map<String, Long> compressed = compressedSizes(glaux);
        Map<String, Weight> byName = report.weights().stream()
                .collect(Collectors.toMap(Weight::name, Function.identity()));
        assertThat(byName).containsOnlyKeys("org.apache.calcite:calcite-core", "com.google.guava:guava",
                "engine (reactor)", JarWeight.UNCLAIMED, JarWeight.DIRECTORIES);
        assertThat(byName.get("org.apache.calcite:calcite-core"))
                .isEqualTo(new Weight("org.apache.calcite:calcite-core", 1,
                        compressed.get("org/apache/calcite/Planner.class")));
        // The merged service file is guava's: the first jar on the class path with an entry of that name.
        assertThat(byName.get("com.google.guava:guava")).isEqualTo(new Weight("com.google.guava:guava", 2,
                compressed.get("com/google/common/base/Strings.class")
                        + compressed.get("META-INF/services/java.lang.Runnable")));
        assertThat(byName.get("engine (reactor)"))
                .isEqualTo(new Weight("engine (reactor)", 1, compressed.get("io/glaux/Engine.class")));
        assertThat(byName.get(JarWeight.UNCLAIMED).entries()).isEqualTo(1);
        assertThat(byName.get(JarWeight.DIRECTORIES).entries()).isEqualTo(1);
        assertThat(report.weights()).first().extracting(Weight::name).isEqualTo("org.apache.calcite:calcite-core");
        assertThat(report.entries()).isEqualTo(6);
        assertThat(report.fileBytes()).isEqualTo(Files.size(glaux));
        assertThat(report.headerBytes()).isEqualTo(Files.size(glaux)
                - compressed.values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void tableListsTheHeaviestThenTheRestHeadersAndTotal() {
        Report report = new Report(List.of(new Weight("a:big", 10, 6_000), new Weight("b:mid", 5, 2_500),
                new Weight("c:small", 1, 500)), 10_000);

        String table = JarWeight.table(report, 1);

        assertThat(table.lines()).containsExactly(
                "| artifact | entries | compressed bytes | share |",
                "|---|---:|---:|---:|",
                "| a:big | 10 | 6,000 | 60.0% |",
                "| 2 others | 6 | 3,000 | 30.0% |",
                "| " + JarWeight.HEADERS + " | 0 | 1,000 | 10.0% |",
                "| total | 16 | 10,000 | 100.0% |");
    }

    @Test
    void namesArtifactsByTheirRepositoryPath() {
        assertThat(JarWeight.artifact(Path.of("/home/me/.m2/repository/org/apache/calcite/avatica/avatica-core/1.28.0/"
                + "avatica-core-1.28.0.jar"))).isEqualTo("org.apache.calcite.avatica:avatica-core");
        assertThat(JarWeight.artifact(Path.of("/home/me/.m2/repository/io/glaux/glaux-engine/0.1.0-SNAPSHOT/"
                + "glaux-engine-0.1.0-SNAPSHOT-tests.jar"))).isEqualTo("io.glaux:glaux-engine");
        assertThat(JarWeight.artifact(Path.of("/opt/lib/some.jar"))).isEqualTo("some.jar");
        assertThat(JarWeight.module(Path.of("/src/glaux/connectors/target/classes"))).isEqualTo("connectors (reactor)");
    }

    @Test
    void readsTheClassesOfTheModuleThatBuiltTheJarAfterItsClassPathSoThatCopiedDependencyClassesCountForTheirJar()
            throws IOException {
        Path classes = Files.createDirectories(folder.resolve("server/target/classes"));
        Path file = Files.writeString(folder.resolve("server/target/classpath.txt"),
                "/repo/a.jar" + File.pathSeparator + "/src/engine/target/classes\n");

        assertThat(JarWeight.classPath(folder.resolve("server/target/glaux.jar"), file))
                .containsExactly(Path.of("/repo/a.jar"), Path.of("/src/engine/target/classes"), classes.toAbsolutePath());
        assertThat(JarWeight.classPath(folder.resolve("elsewhere/glaux.jar"), file))
                .containsExactly(Path.of("/repo/a.jar"), Path.of("/src/engine/target/classes"));
    }

    private static Map<String, Long> compressedSizes(Path jar) throws IOException {
        Map<String, Long> sizes = new HashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                sizes.put(entry.getName(), entry.getCompressedSize());
            }
        }
        return sizes;
    }

    /** A zip of the given entries (a null content makes a directory entry). */
    private static Path jar(Path path, Map<String, String> entries) throws IOException {
        Files.createDirectories(path.getParent());
        try (OutputStream file = Files.newOutputStream(path); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                if (entry.getValue() != null) {
                    zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                }
                zip.closeEntry();
            }
        }
        return path;
    }

    /** Text that compresses to a size that grows with {@code length}. */
    private static String text(int length) {
        StringBuilder text = new StringBuilder();
        long seed = length;
        while (text.length() < length) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            text.append(Long.toString(seed >>> 20, 36));
        }
        return text.substring(0, length);
    }
}
