package io.glaux.federation;

import io.glaux.connectors.federation.SalesLambdaConnector;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connectors' test connector ({@code SalesLambdaConnector}, an Athena Query Federation SDK connector over
 * generated, partitioned data) packed as a Lambda deployment package at test time, for the tests that deploy it
 * through Lambda's API and query it through a LAMBDA data catalog.
 */
public final class SalesConnectorPackage {

    /** The connector's handler class, as a function's Handler names it. */
    public static final String HANDLER = SalesLambdaConnector.class.getName();

    /** The libraries the SDK connector runs with, by where Maven keeps them. */
    private static final List<String> LIBRARIES = List.of("/com/amazonaws/", "/software/amazon/",
            "/org/apache/arrow/", "/com/google/flatbuffers/", "/com/fasterxml/jackson/", "/org/slf4j/",
            "/com/google/guava/", "/org/apache/commons/commons-lang3/", "/commons-codec/", "/commons-logging/",
            "/org/apache/httpcomponents/", "/org/reactivestreams/", "/org/bouncycastle/", "/org/dafny/");

    private SalesConnectorPackage() {
    }

    /**
     * A zip with the connector's classes at its root and the jars it needs in {@code lib/}: the Federation SDK and
     * its libraries, taken from this test's class path.
     */
    public static byte[] zip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : connectorClasses().entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
            Set<String> names = new LinkedHashSet<>();
            for (Path jar : libraries()) {
                String name = jar.getFileName().toString();
                if (names.add(name)) {
                    zip.putNextEntry(new ZipEntry("lib/" + name));
                    Files.copy(jar, zip);
                    zip.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }

    /** The jars of the class path the connector needs at run time. */
    public static List<Path> libraries() {
        List<Path> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String path = entry.replace('\\', '/');
            if (path.endsWith(".jar") && !path.contains("/io/glaux/")
                    && LIBRARIES.stream().anyMatch(path::contains)) {
                jars.add(Path.of(entry));
            }
        }
        return jars;
    }

    /**
     * The class files of the connector ({@code SalesLambdaConnector} and the handlers, data and records it uses),
     * from the connectors' test classes: a folder in a reactor build, the test jar otherwise.
     */
    private static Map<String, byte[]> connectorClasses() throws IOException {
        String folder = SalesLambdaConnector.class.getPackageName().replace('.', '/') + "/";
        Path location;
        try {
            location = Path.of(SalesLambdaConnector.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
        } catch (Exception e) {
            throw new IOException(e);
        }
        Map<String, byte[]> classes = new java.util.TreeMap<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location.resolve(folder), 1)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String name = folder + file.getFileName();
                    if (isConnectorClass(name)) {
                        classes.put(name, Files.readAllBytes(file));
                    }
                }
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                    JarEntry entry = entries.nextElement();
                    String name = entry.getName();
                    if (name.startsWith(folder) && name.indexOf('/', folder.length()) < 0
                            && isConnectorClass(name)) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            classes.put(name, in.readAllBytes());
                        }
                    }
                }
            }
        }
        assertThat(classes).containsKeys(folder + "SalesLambdaConnector.class", folder + "SalesData.class",
                folder + "SalesMetadataHandler.class", folder + "SalesRecordHandler.class", folder + "Received.class");
        return classes;
    }

    private static boolean isConnectorClass(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.endsWith(".class") && (name.startsWith("Sales") || name.startsWith("Received"));
    }
}
