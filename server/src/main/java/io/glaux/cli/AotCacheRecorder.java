package io.glaux.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The build's step that records the ahead-of-time cache {@code glaux.aot} next to {@code glaux.jar} (JDK 25's one-step
 * training, JEP 483/514: the classes a start and a first query load, already parsed and linked; not the methods'
 * profiles, see {@link #trainingCommand}), from one {@code serve --exit-after-self-test} run of the jar on the first
 * JDK 25 or newer that {@link JdkSearch} finds. The runtime version that made the cache goes into
 * {@code glaux.aot.runtime}: the {@code glaux} launcher starts the jar with the cache only on that runtime. Without
 * such a JDK the step removes any cache of an earlier build, says so and succeeds; the launcher then uses the
 * class-data sharing archive. Skipped
 * ({@code -Dglaux.aot.skip=true}), it only removes that cache, so that no stale one is left for the launcher.
 *
 * <pre>
 * java -cp server/target/classes io.glaux.cli.AotCacheRecorder JAR CACHE TRAINING_DATA_FOLDER SKIP
 * </pre>
 */
final class AotCacheRecorder {

    /** The first release whose {@code -XX:AOTCacheOutput} trains and writes the cache in one run. */
    static final int MINIMUM_FEATURE = 25;

    private AotCacheRecorder() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("Usage: AotCacheRecorder JAR CACHE TRAINING_DATA_FOLDER SKIP(true|false)");
            System.exit(2);
        }
        Path cache = Path.of(args[1]);
        if (Boolean.parseBoolean(args[3])) {
            removeCache(cache);
            System.out.println("The ahead-of-time cache is skipped (glaux.aot.skip)");
            return;
        }
        Optional<InstalledJdk> jdk = new JdkSearch(System.getenv()).first(MINIMUM_FEATURE);
        System.exit(record(jdk, Path.of(args[0]), cache, Path.of(args[2])));
    }

    /** Removes a cache of an earlier build, which no longer matches the jar, and the file naming its runtime. */
    static void removeCache(Path cache) throws IOException {
        Files.deleteIfExists(cache);
        Files.deleteIfExists(runtimeFile(cache));
    }

    /** Records the cache with {@code jdk}, or, without one, removes a stale cache; returns the exit status. */
    static int record(Optional<InstalledJdk> jdk, Path jar, Path cache, Path trainingData)
            throws IOException, InterruptedException {
        removeCache(cache);
        if (jdk.isEmpty()) {
            System.out.println("No JDK " + MINIMUM_FEATURE + " or newer found (JAVA_HOME, PATH, the usual folders):"
                    + " the ahead-of-time cache is skipped; ./glaux starts with the class-data sharing archive");
            return 0;
        }
        List<String> command = trainingCommand(jdk.get(), jar, cache, trainingData);
        System.out.println("Recording the ahead-of-time cache with Java " + jdk.get().runtimeVersion());
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0 || !Files.isRegularFile(cache)) {
            System.err.println("The training run for the ahead-of-time cache failed (exit " + exit + ")");
            Files.deleteIfExists(cache);
            return exit != 0 ? exit : 1;
        }
        Files.writeString(runtimeFile(cache), jdk.get().runtimeVersion() + "\n");
        return 0;
    }

    /**
     * The training run: one start and self-test query of {@code glaux serve}, writing the cache as it exits. The cache
     * leaves out the run's method profiles (JEP 515): replayed, they had C2 compile the start's own hot methods (the
     * locale table Jetty builds, Janino's method look-ups) at every start, even with the launcher's raised C2
     * thresholds: a start and self-test took 2.6-2.7 s of CPU with them, 2.3 s without.
     */
    static List<String> trainingCommand(InstalledJdk jdk, Path jar, Path cache, Path trainingData) {
        List<String> command = new ArrayList<>(List.of(jdk.java().toString(),
                "-XX:AOTCacheOutput=" + cache.toAbsolutePath(), "-XX:+UnlockDiagnosticVMOptions",
                "-XX:-AOTRecordTraining",
                // Classes the cache cannot hold (compiled for Java 5 and older) are only warned about.
                "-Xlog:aot*=off,cds*=off"));
        command.addAll(launchArguments(jar.toAbsolutePath()));
        command.addAll(List.of("serve", "--port", "0", "--data", trainingData.toAbsolutePath().toString(),
                "--exit-after-self-test"));
        return command;
    }

    /**
     * How {@code ./glaux} starts the jar with the cache, which the training run must match (the cache is refused when
     * the module options differ): Arrow's use of {@code sun.misc.Unsafe} allowed without a warning; the packages Arrow
     * reaches into opened, as the jar's manifest opens them for {@code java -jar}; and the jar as the class path with
     * its main class named, so Java reads the jar's directory of 33,000 entries once, not once for the manifest and
     * again for the classes (about 25 ms of the main thread each).
     */
    static List<String> launchArguments(Path jar) {
        return List.of("--sun-misc-unsafe-memory-access=allow", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "-cp", jar.toString(), GlauxCommand.class.getName());
    }

    /** The file naming the runtime that made {@code cache}: {@code glaux.aot.runtime} beside {@code glaux.aot}. */
    static Path runtimeFile(Path cache) {
        return cache.resolveSibling(cache.getFileName() + ".runtime");
    }
}
