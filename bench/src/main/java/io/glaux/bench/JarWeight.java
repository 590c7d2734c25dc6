package io.glaux.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What each dependency weighs in a shaded jar (issue 15: glaux.jar at most 60 MB, its weight per dependency in the
 * README). Every entry of the jar is credited to the first element of the class path that holds an entry of the same
 * name (the class path in Maven's order: a jar of the local repository, named groupId:artifactId, or a reactor
 * module's classes folder; then the classes of the module that built the jar, last, so that a dependency's classes
 * the build copied there, as picocli's rewritten class files, count for the dependency), and the compressed bytes
 * and entries are summed per artifact. Entries no element holds
 * (service files the shade plugin merged, its manifest) are "{@value #UNCLAIMED}"; directory entries are
 * "{@value #DIRECTORIES}"; what the file holds besides compressed data (each entry's zip headers and the central
 * directory, about 200 bytes an entry) is "{@value #HEADERS}", so the rows add up to the file's size.
 *
 * <pre>
 * mvn -o -q -pl server -am compile dependency:build-classpath -DincludeScope=runtime \
 *     -Dmdep.outputFile=target/glaux-classpath.txt
 * java bench/src/main/java/io/glaux/bench/JarWeight.java server/target/glaux.jar server/target/glaux-classpath.txt [top]
 * </pre>
 *
 * Needs nothing but the JDK, so it runs from its source file without a build. Prints a Markdown table, heaviest first;
 * with {@code top}, the rest are summed in one row.
 */
public final class JarWeight {

    static final String UNCLAIMED = "merged by the shade plugin";
    static final String DIRECTORIES = "directory entries";
    static final String HEADERS = "zip headers and central directory";

    /** A Maven repository path: .../groupId/as/folders/artifactId/version/artifactId-version[-classifier].jar */
    private static final Pattern REPOSITORY_PATH = Pattern.compile("(?:^|/)repository/(.+)/([^/]+)/([^/]+)/[^/]+$");

    /** The entries, and the compressed bytes of their data, one group of the jar holds. */
    public record Weight(String name, int entries, long bytes) {

        Weight plus(ZipEntry entry) {
            return new Weight(name, entries + 1, bytes + entry.getCompressedSize());
        }
    }

    /** The weights of one shaded jar: its groups, heaviest first, and the file's size. */
    public record Report(List<Weight> weights, long fileBytes) {

        /** What the file holds besides the entries' compressed data: headers and the central directory. */
        public long headerBytes() {
            return fileBytes - weights.stream().mapToLong(Weight::bytes).sum();
        }

        public int entries() {
            return weights.stream().mapToInt(Weight::entries).sum();
        }
    }

    private JarWeight() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            throw new IllegalArgumentException("Usage: JarWeight <shaded jar> <class path file> [top]");
        }
        Path jar = Path.of(args[0]);
        int top = args.length == 3 ? Integer.parseInt(args[2]) : Integer.MAX_VALUE;
        System.out.print(table(weigh(jar, classPath(jar, Path.of(args[1]))), top));
    }

    /**
     * The class path Maven wrote to {@code file} (its dependencies), then the classes of the module that built
     * {@code jar} ({@code target/classes} beside it), which are in the jar too.
     */
    static List<Path> classPath(Path jar, Path file) throws IOException {
        List<Path> classPath = new ArrayList<>();
        for (String element : Files.readString(file).strip().split(File.pathSeparator)) {
            classPath.add(Path.of(element));
        }
        Path target = jar.toAbsolutePath().getParent();
        if (target != null && Files.isDirectory(target.resolve("classes"))) {
            classPath.add(target.resolve("classes"));
        }
        return classPath;
    }

    /**
     * Credits each entry of {@code jar} to the first element of {@code classPath} that holds one of the same name: a
     * jar, or a folder of classes (a module of the reactor, named for its folder).
     */
    public static Report weigh(Path jar, List<Path> classPath) throws IOException {
        Map<String, String> owners = new HashMap<>();
        for (Path element : classPath) {
            if (Files.isDirectory(element)) {
                String module = module(element);
                try (Stream<Path> files = Files.walk(element)) {
                    files.filter(Files::isRegularFile).forEach(file -> owners.putIfAbsent(
                            element.relativize(file).toString().replace(File.separatorChar, '/'), module));
                }
            } else if (element.getFileName().toString().endsWith(".jar") && Files.isRegularFile(element)) {
                String artifact = artifact(element);
                try (ZipFile zip = new ZipFile(element.toFile())) {
                    for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                        ZipEntry entry = entries.nextElement();
                        if (!entry.isDirectory()) {
                            owners.putIfAbsent(entry.getName(), artifact);
                        }
                    }
                }
            }
        }
        Map<String, Weight> weights = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                String name = entry.isDirectory() ? DIRECTORIES : owners.getOrDefault(entry.getName(), UNCLAIMED);
                weights.computeIfAbsent(name, n -> new Weight(n, 0, 0));
                weights.compute(name, (n, weight) -> weight.plus(entry));
            }
        }
        List<Weight> sorted = new ArrayList<>(weights.values());
        sorted.sort(Comparator.comparingLong(Weight::bytes).reversed().thenComparing(Weight::name));
        return new Report(List.copyOf(sorted), Files.size(jar));
    }

    /**
     * groupId:artifactId of a jar in a Maven repository (the classifier, as of a test-jar, is not told apart), or
     * the jar's file name when its path is not a repository's.
     */
    static String artifact(Path jar) {
        Matcher matcher = REPOSITORY_PATH.matcher(jar.toAbsolutePath().toString().replace(File.separatorChar, '/'));
        return matcher.find()
                ? matcher.group(1).replace('/', '.') + ":" + matcher.group(2)
                : jar.getFileName().toString();
    }

    /** A reactor module's classes folder (module/target/classes) as "module (reactor)", else the folder's path. */
    static String module(Path classes) {
        Path absolute = classes.toAbsolutePath().normalize();
        Path target = absolute.getParent();
        return absolute.endsWith("classes") && target != null && target.endsWith("target") && target.getParent() != null
                ? target.getParent().getFileName() + " (reactor)"
                : absolute.toString();
    }

    /**
     * The report as a Markdown table: the {@code top} heaviest groups, the rest summed in one row, the headers and the
     * total, so that the bytes column adds up to the file's size.
     */
    static String table(Report report, int top) {
        List<Weight> weights = report.weights();
        List<Weight> rows = new ArrayList<>(weights.subList(0, Math.min(top, weights.size())));
        if (top < weights.size()) {
            List<Weight> rest = weights.subList(top, weights.size());
            rows.add(new Weight(rest.size() + " others", rest.stream().mapToInt(Weight::entries).sum(),
                    rest.stream().mapToLong(Weight::bytes).sum()));
        }
        rows.add(new Weight(HEADERS, 0, report.headerBytes()));
        rows.add(new Weight("total", report.entries(), report.fileBytes()));
        StringBuilder table = new StringBuilder("| artifact | entries | compressed bytes | share |\n|---|---:|---:|---:|\n");
        for (Weight row : rows) {
            table.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %.1f%% |%n", row.name(), row.entries(),
                    row.bytes(), 100.0 * row.bytes() / report.fileBytes()));
        }
        return table.toString();
    }
}
