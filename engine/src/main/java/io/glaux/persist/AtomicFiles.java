package io.glaux.persist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Crash-safe file replacement: the bytes go to a temporary file in the same folder, are forced to disk, and the
 * temporary file is then renamed over the target in one atomic step. A crash leaves the old file or the new one,
 * plus at worst a stray temporary file that readers skip ({@link #isTemporary}).
 */
public final class AtomicFiles {

    public static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    public static void write(Path target, byte[] content) throws IOException {
        write(target, content, true);
    }

    /**
     * Replaces {@code target} atomically; with {@code force} the bytes and the rename are also forced to disk, so
     * they survive a power cut. Without it a crash of the process still leaves the old file or the new one.
     */
    public static void write(Path target, byte[] content, boolean force) throws IOException {
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path temp = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (force) {
                    channel.force(true);
                }
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("The file system under " + folder + " cannot replace files atomically", e);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        if (force) {
            syncFolder(folder);
        }
    }

    /** Makes a rename or delete inside {@code folder} durable; a no-op where folders cannot be opened (Windows). */
    public static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Not supported on this platform: the rename is still atomic, only its durability is the OS's.
        }
    }

    /** Temporary files of interrupted writes, and folders being deleted, start with a dot. */
    public static boolean isTemporary(Path file) {
        return file.getFileName().toString().startsWith(".");
    }
}
