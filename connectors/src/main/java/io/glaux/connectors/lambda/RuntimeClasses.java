package io.glaux.connectors.lambda;

import io.glaux.connectors.lambda.runtime.Bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The class files of {@code io.glaux.connectors.lambda.runtime} (the bootstrap that runs inside a function's JVM),
 * taken from wherever Glaux's own classes are (a folder in a build, a jar when packaged) and written to a folder of
 * their own, so a function's class path holds them and nothing else of Glaux's: the function brings its own
 * libraries in its own versions.
 */
final class RuntimeClasses {

    static final String MAIN_CLASS = Bootstrap.class.getName();
    private static final String PACKAGE_PATH = Bootstrap.class.getPackageName().replace('.', '/') + "/";

    private RuntimeClasses() {
    }

    /** The folder holding the bootstrap's classes under {@code parent}, written there on first use. */
    static Path extract(Path parent) throws IOException {
        Map<String, byte[]> classes = read();
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        classes.forEach((name, bytes) -> {
            digest.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update(bytes);
        });
        Path folder = parent.resolve(HexFormat.of().formatHex(digest.digest(), 0, 8));
        if (Files.isDirectory(folder)) {
            return folder;
        }
        Files.createDirectories(parent);
        Path temporary = Files.createTempDirectory(parent, ".runtime-");
        for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
            Path file = temporary.resolve(entry.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, entry.getValue());
        }
        try {
            Files.move(temporary, folder, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Another host over the same folder wrote it first: the same bytes.
            FunctionStore.deleteTree(temporary);
            if (!Files.isDirectory(folder)) {
                throw e;
            }
        }
        return folder;
    }

    /** Each class file of the runtime package by its path ({@code io/glaux/.../Bootstrap.class}). */
    private static Map<String, byte[]> read() throws IOException {
        CodeSource source = Bootstrap.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            throw new IOException("The Lambda bootstrap's classes have no code source");
        }
        Path location;
        try {
            location = Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("Cannot read the Lambda bootstrap's classes from " + source.getLocation(), e);
        }
        Map<String, byte[]> classes = new TreeMap<>();
        if (Files.isDirectory(location)) {
            Path folder = location.resolve(PACKAGE_PATH);
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".class")).toList()) {
                    classes.put(PACKAGE_PATH + file.getFileName(), Files.readAllBytes(file));
                }
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                    String name = entry.getName();
                    if (name.startsWith(PACKAGE_PATH) && name.endsWith(".class")
                            && name.indexOf('/', PACKAGE_PATH.length()) < 0) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            classes.put(name, in.readAllBytes());
                        }
                    }
                }
            }
        }
        if (!classes.containsKey(MAIN_CLASS.replace('.', '/') + ".class")) {
            throw new IOException("The Lambda bootstrap's classes are missing from " + location);
        }
        return classes;
    }
}
