package io.glaux.connectors.lambda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A function as its processes run it: the configuration they were started with, the unpacked task root and the
 * class path Lambda's Java runtime builds from a package: the package itself when it is a plain jar (so a
 * multi-release jar stays one), else its root folder followed by every {@code lib/*.jar}, in name order.
 */
record Deployment(FunctionConfig config, String arn, Path taskRoot, List<Path> classPath, Path tmp) {

    static Deployment of(FunctionConfig config, String arn, Path packageFile, Path taskRoot, Path tmp)
            throws IOException {
        List<Path> libs = new ArrayList<>();
        Path lib = taskRoot.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                jars.filter(j -> j.getFileName().toString().endsWith(".jar") && Files.isRegularFile(j)).sorted()
                        .forEach(libs::add);
            }
        }
        List<Path> classPath = new ArrayList<>();
        if (libs.isEmpty()) {
            classPath.add(packageFile);
        } else {
            classPath.add(taskRoot);
            classPath.addAll(libs);
        }
        return new Deployment(config, arn, taskRoot, List.copyOf(classPath), tmp);
    }

    String name() {
        return config.name();
    }

    FunctionSettings settings() {
        return config.settings();
    }

    long revision() {
        return config.code().revision();
    }
}
