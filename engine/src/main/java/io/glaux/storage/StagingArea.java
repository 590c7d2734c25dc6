package io.glaux.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * A private folder for uploads being written, outside every bucket. Each store instance has its own, held by a lock
 * for as long as the instance is open; at start, the folders whose owners are gone (a crash, kill -9) are deleted,
 * so no half-written upload outlives its writer.
 */
final class StagingArea implements AutoCloseable {

    private static final String LOCK = ".owner";

    private final Path folder;
    private final FileChannel lockChannel;
    private final FileLock lock;

    StagingArea(Path root) throws IOException {
        Files.createDirectories(root);
        removeAbandoned(root);
        this.folder = root.resolve(UUID.randomUUID().toString());
        Files.createDirectory(folder);
        this.lockChannel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        this.lock = lockChannel.lock();
    }

    /** A new file name in the area (the file is not created). */
    Path newFile() {
        return folder.resolve(UUID.randomUUID() + ".part");
    }

    Path folder() {
        return folder;
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            lockChannel.close();
        } finally {
            ObjectRecords.deleteTree(folder);
        }
    }

    /** Deletes the areas no live instance holds, and loose files of earlier layouts. */
    private static void removeAbandoned(Path root) throws IOException {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
            for (Path child : children) {
                if (!Files.isDirectory(child)) {
                    Files.deleteIfExists(child);
                } else if (abandoned(child)) {
                    ObjectRecords.deleteTree(child);
                }
            }
        }
    }

    private static boolean abandoned(Path area) throws IOException {
        Path lockFile = area.resolve(LOCK);
        if (!Files.exists(lockFile)) {
            // Either a crash before the lock was made, or an instance being set up right now.
            return Files.getLastModifiedTime(area).toInstant().isBefore(java.time.Instant.now().minusSeconds(60));
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return false; // another process holds it
            }
            probe.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false; // another instance in this process holds it
        } catch (java.nio.file.NoSuchFileException e) {
            return true;
        }
    }
}
