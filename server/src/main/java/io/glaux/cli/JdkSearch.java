package io.glaux.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where Java installations are looked for, in the order the {@code glaux} launcher looks: {@code JAVA_HOME}, then
 * each {@code java} on {@code PATH}, then, only as a fallback, the folders JDKs are usually installed in (each
 * subfolder a JDK home; macOS's under {@code Contents/Home}). {@code GLAUX_JDK_SEARCH} (folders separated by the path
 * separator) replaces the usual folders. The launcher keeps the same order and folders.
 */
final class JdkSearch {

    private final Map<String, String> environment;

    JdkSearch(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The folders JDKs are usually installed in, for this environment's home folder. */
    static List<Path> usualFolders(Map<String, String> environment) {
        List<Path> folders = new ArrayList<>(List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/lib64/jvm"),
                Path.of("/usr/java"), Path.of("/opt/java"), Path.of("/Library/Java/JavaVirtualMachines")));
        String home = environment.get("HOME");
        if (home != null && !home.isEmpty()) {
            folders.add(Path.of(home, ".sdkman", "candidates", "java"));
            folders.add(Path.of(home, ".jdks"));
        }
        return folders;
    }

    /** Every installation found, in search order, each once. */
    List<InstalledJdk> installations() {
        Set<Path> homes = new LinkedHashSet<>();
        List<InstalledJdk> found = new ArrayList<>();
        String javaHome = environment.get("JAVA_HOME");
        if (javaHome != null && !javaHome.isEmpty()) {
            add(InstalledJdk.at(Path.of(javaHome)), homes, found);
        }
        for (String folder : split(environment.get("PATH"))) {
            add(InstalledJdk.ofLauncher(Path.of(folder, "java")), homes, found);
        }
        String search = environment.get("GLAUX_JDK_SEARCH");
        List<Path> folders = search != null ? split(search).stream().map(Path::of).toList()
                : usualFolders(environment);
        for (Path folder : folders) {
            for (Path home : subfolders(folder)) {
                Optional<InstalledJdk> jdk = InstalledJdk.at(home);
                add(jdk.isPresent() ? jdk : InstalledJdk.at(home.resolve("Contents").resolve("Home")), homes, found);
            }
        }
        return found;
    }

    /** The first installation of at least this feature release, in search order. */
    Optional<InstalledJdk> first(int minimumFeature) {
        return installations().stream().filter(jdk -> jdk.feature() >= minimumFeature).findFirst();
    }

    private static void add(Optional<InstalledJdk> jdk, Set<Path> homes, List<InstalledJdk> found) {
        if (jdk.isPresent() && homes.add(realPath(jdk.get().home()))) {
            found.add(jdk.get());
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    /** A folder's subfolders in reverse name order (temurin-26-jdk before temurin-25-jdk). */
    private static List<Path> subfolders(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList();
        } catch (IOException unreadable) {
            return List.of();
        }
    }

    private static List<String> split(String paths) {
        if (paths == null || paths.isEmpty()) {
            return List.of();
        }
        return Stream.of(paths.split(File.pathSeparator)).filter(path -> !path.isEmpty()).toList();
    }
}
