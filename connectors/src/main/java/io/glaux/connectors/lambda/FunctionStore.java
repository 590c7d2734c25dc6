package io.glaux.connectors.lambda;

import io.glaux.persist.AtomicFiles;
import io.glaux.persist.JsonFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Functions on disk, under the folder Glaux gives (the data folder's {@code .glaux/lambda/}):
 *
 * <pre>
 * functions/&lt;name&gt;.json                 the configuration (written atomically)
 * code/&lt;name&gt;/&lt;revision&gt;/package.zip   the deployment package as uploaded
 * code/&lt;name&gt;/&lt;revision&gt;/task/         the package unpacked: Lambda's task root
 * tmp/&lt;name&gt;/                          the function's /tmp (TMPDIR, java.io.tmpdir, HOME)
 * logs/&lt;name&gt;.log                      the function's log
 * staging/, runtime/                     packages being checked; the bootstrap's class files
 * </pre>
 */
final class FunctionStore {

    private final Path root;
    private final JsonFiles files = new JsonFiles();

    FunctionStore(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    List<FunctionConfig> loadAll() {
        return files.readAll(root.resolve("functions"), FunctionConfig.class);
    }

    void save(FunctionConfig config) {
        files.write(configFile(config.name()), config, false);
    }

    Path staging() {
        return root.resolve("staging");
    }

    Path runtimeFolder() {
        return root.resolve("runtime");
    }

    Path codeFolder(String name, long revision) {
        return root.resolve("code").resolve(name).resolve(Long.toString(revision));
    }

    Path packageFile(String name, long revision) {
        return codeFolder(name, revision).resolve("package.zip");
    }

    Path taskRoot(String name, long revision) {
        return codeFolder(name, revision).resolve("task");
    }

    Path tmpFolder(String name) {
        return root.resolve("tmp").resolve(name);
    }

    Path logFile(String name) {
        return root.resolve("logs").resolve(name + ".log");
    }

    /** A revision number above every one kept for the function. */
    long nextRevision(String name) {
        Path folder = root.resolve("code").resolve(name);
        if (!Files.isDirectory(folder)) {
            return 1;
        }
        try (Stream<Path> revisions = Files.list(folder)) {
            return revisions.map(p -> p.getFileName().toString()).filter(s -> s.matches("\\d{1,18}"))
                    .mapToLong(Long::parseLong).max().orElse(0) + 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes every code revision of the function but {@code keep}. */
    void pruneCode(String name, long keep) {
        Path folder = root.resolve("code").resolve(name);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> revisions = Files.list(folder)) {
            for (Path revision : revisions.toList()) {
                if (!revision.getFileName().toString().equals(Long.toString(keep))) {
                    deleteTree(revision);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void deleteRevision(String name, long revision) {
        deleteTree(codeFolder(name, revision));
    }

    /** Removes everything of the function: configuration first, so a crash halfway leaves no function behind. */
    void delete(String name) {
        try {
            Files.deleteIfExists(configFile(name));
            AtomicFiles.syncFolder(configFile(name).getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        deleteTree(root.resolve("code").resolve(name));
        deleteTree(tmpFolder(name));
        deleteTree(logFile(name));
    }

    /** Code and temporary folders of functions that have no configuration (left by a crash during a delete). */
    void deleteOrphans(List<String> names) {
        for (String kind : List.of("code", "tmp")) {
            Path folder = root.resolve(kind);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> children = Files.list(folder)) {
                for (Path child : children.toList()) {
                    if (!names.contains(child.getFileName().toString())) {
                        deleteTree(child);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        deleteTree(staging());
    }

    private Path configFile(String name) {
        return root.resolve("functions").resolve(name + ".json");
    }

    static void deleteTree(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + path, e);
        }
    }
}
