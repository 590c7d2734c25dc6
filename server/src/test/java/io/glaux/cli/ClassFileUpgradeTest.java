package io.glaux.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The build's copy of a jar's packages with their Java 5 class files rewritten as Java 8 ones: on a jar of classes
 * made with ASM, one of which needs a frame whose type is the common super class of two of the jar's own classes.
 */
class ClassFileUpgradeTest {

    @TempDir
    Path root;

    @Test
    void oldClassFilesOfTheFoldersBecomeJava8ClassesThatVerifyAndRunAndNewerOnesAreCopiedAsTheyAre() throws Exception {
        Path jar = root.resolve("app.jar");
        Map<String, byte[]> classes = Map.of(
                "old/Base.class", plain("old/Base", "java/lang/Object", Opcodes.V1_5),
                "old/Left.class", plain("old/Left", "old/Base", Opcodes.V1_5),
                "old/Right.class", plain("old/Right", "old/Base", Opcodes.V1_5),
                "old/Pick.class", pick(Opcodes.V1_5),
                "old/nested/Newer.class", plain("old/nested/Newer", "java/lang/Object", Opcodes.V11),
                "other/Old.class", plain("other/Old", "java/lang/Object", Opcodes.V1_4));
        write(jar, classes);

        Path output = root.resolve("classes");

        int upgraded = ClassFileUpgrade.upgrade(jar, output, List.of("old"));

        assertThat(upgraded).isEqualTo(4);
        for (String name : List.of("old/Base.class", "old/Left.class", "old/Right.class", "old/Pick.class")) {
            assertThat(ClassFileUpgrade.majorVersion(Files.readAllBytes(output.resolve(name)))).as(name)
                    .isEqualTo(ClassFileUpgrade.TARGET);
        }
        assertThat(Files.readAllBytes(output.resolve("old/nested/Newer.class")))
                .isEqualTo(classes.get("old/nested/Newer.class"));
        assertThat(output.resolve("other")).doesNotExist();
        // Loading verifies the rewritten class with the type-checking verifier: frames that were wrong would fail.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {output.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Method pick = Class.forName("old/Pick".replace('/', '.'), true, loader).getMethod("pick", boolean.class);
            assertThat(pick.invoke(null, true).getClass().getName()).isEqualTo("old.Left");
            assertThat(pick.invoke(null, false).getClass().getName()).isEqualTo("old.Right");
        }
    }

    @Test
    void aFolderTheJarLacksFailsTheStep() throws Exception {
        Path jar = root.resolve("app.jar");
        write(jar, Map.of("old/Base.class", plain("old/Base", "java/lang/Object", Opcodes.V1_5)));

        assertThatThrownBy(() -> ClassFileUpgrade.upgrade(jar, root.resolve("classes"), List.of("picocli")))
                .isInstanceOf(IOException.class).hasMessageContaining("has no folder picocli");
    }

    private static void write(Path jar, Map<String, byte[]> classes) throws IOException {
        try (FileSystem zip = FileSystems.newFileSystem(jar, Map.of("create", "true"))) {
            for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
                Path file = zip.getPath(entry.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, entry.getValue());
            }
        }
    }

    /** A public class with a public no-argument constructor. */
    private static byte[] plain(String name, String superName, int version) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(version, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, name, null, superName, null);
        constructor(writer, superName);
        writer.visitEnd();
        return writer.toByteArray();
    }

    /**
     * {@code public static Base pick(boolean left) { Base chosen = left ? new Left() : new Right(); return chosen; }}:
     * the branches meet with Left on one side and Right on the other, so the frame there holds their common super
     * class, Base, which only the jar defines.
     */
    private static byte[] pick(int version) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(version, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "old/Pick", null, "java/lang/Object", null);
        constructor(writer, "java/lang/Object");
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "pick", "(Z)Lold/Base;",
                null, null);
        method.visitCode();
        Label right = new Label();
        Label chosen = new Label();
        method.visitVarInsn(Opcodes.ILOAD, 0);
        method.visitJumpInsn(Opcodes.IFEQ, right);
        newInstance(method, "old/Left");
        method.visitJumpInsn(Opcodes.GOTO, chosen);
        method.visitLabel(right);
        newInstance(method, "old/Right");
        method.visitLabel(chosen);
        method.visitVarInsn(Opcodes.ASTORE, 1);
        method.visitVarInsn(Opcodes.ALOAD, 1);
        method.visitInsn(Opcodes.ARETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static void newInstance(MethodVisitor method, String type) {
        method.visitTypeInsn(Opcodes.NEW, type);
        method.visitInsn(Opcodes.DUP);
        method.visitMethodInsn(Opcodes.INVOKESPECIAL, type, "<init>", "()V", false);
    }

    private static void constructor(ClassWriter writer, String superName) {
        MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, superName, "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(1, 1);
        init.visitEnd();
    }
}
