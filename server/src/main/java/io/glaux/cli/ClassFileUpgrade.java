package io.glaux.cli;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The build's step that copies the class files of the given packages out of a dependency's jar into the build's
 * classes, those compiled for Java 5 or older (class file versions before 50: picocli's) rewritten as Java 8 class
 * files, with the stack map frames Java 8's verifier checks, computed by ASM. The class-data sharing archive and the
 * ahead-of-time cache skip such old classes, so they were read from the jar, verified by the old inferencing verifier
 * and linked at every start. Nothing else changes: the bytecode and the constant pool stay as they were. The shaded
 * jar then takes these classes instead of the dependency's. Only the build runs it (ASM is not in the jar).
 *
 * <pre>
 * java -cp CLASSPATH io.glaux.cli.ClassFileUpgrade JAR CLASSES_FOLDER PACKAGE_FOLDER...
 *      (e.g. picocli-4.7.7.jar server/target/classes picocli)
 * </pre>
 */
final class ClassFileUpgrade {

    /** The class file version the old classes become: Java 8's, the first the cache and the archive take. */
    static final int TARGET = Opcodes.V1_8;

    /** Java 6's version, the first with stack map frames: classes at or above it are copied as they are. */
    private static final int FIRST_WITH_FRAMES = Opcodes.V1_6;

    private ClassFileUpgrade() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("Usage: ClassFileUpgrade JAR CLASSES_FOLDER PACKAGE_FOLDER...");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        List<String> folders = List.of(args).subList(2, args.length);
        int upgraded = upgrade(jar, Path.of(args[1]), folders);
        System.out.println("Rewrote " + upgraded + " class files of " + jar.getFileName() + " (" + String.join(", ",
                folders) + ") as Java 8 class files");
    }

    /**
     * Copies the class files under {@code folders} of {@code jar} into {@code classes}, the old ones rewritten;
     * returns how many it rewrote.
     */
    static int upgrade(Path jar, Path classes, List<String> folders) throws IOException {
        int upgraded = 0;
        // Frames need the common super class of two types, which ASM finds by loading them: from the jar itself.
        try (URLClassLoader types = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
             FileSystem zip = FileSystems.newFileSystem(jar)) {
            for (String folder : folders) {
                Path root = zip.getPath(folder);
                if (!Files.isDirectory(root)) {
                    throw new IOException(jar + " has no folder " + folder);
                }
                List<Path> classFiles;
                try (Stream<Path> files = Files.walk(root)) {
                    classFiles = files.filter(file -> file.toString().endsWith(".class")).toList();
                }
                for (Path classFile : classFiles) {
                    byte[] bytes = Files.readAllBytes(classFile);
                    if (majorVersion(bytes) < FIRST_WITH_FRAMES) {
                        bytes = upgrade(bytes, types);
                        upgraded++;
                    }
                    Path target = classes.resolve(classFile.toString().replaceFirst("^/", ""));
                    Files.createDirectories(target.getParent());
                    Files.write(target, bytes);
                }
            }
        }
        return upgraded;
    }

    /** The class file's major version (its bytes 6 and 7). */
    static int majorVersion(byte[] classFile) {
        return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
    }

    /** One class file as version {@link #TARGET}, frames computed with the types {@code classes} loads. */
    static byte[] upgrade(byte[] classFile, ClassLoader classes) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return classes;
            }
        };
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                super.visit(TARGET, access, name, signature, superName, interfaces);
            }
        }, ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }
}
