package io.glaux.persist;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The files and folders a set of writes left unforced, to be forced to disk together once the set is complete: for
 * work that is redone whole when it was interrupted (the sample dataset's install), where waiting for the disk after
 * each file would only delay it. Each path is forced once however often it was added. Safe for concurrent use.
 */
public final class DeferredSync {

    private final Set<Path> files = new LinkedHashSet<>();
    private final Set<Path> folders = new LinkedHashSet<>();

    /** A file whose bytes are to be forced to disk. */
    public synchronized void file(Path file) {
        files.add(file);
    }

    /** A folder in which a file was created, renamed or removed, so that the change is forced to disk too. */
    public synchronized void folder(Path folder) {
        folders.add(folder);
    }

    /** The files added and not yet forced, in the order they were first added. */
    public synchronized List<Path> files() {
        return List.copyOf(files);
    }

    /** The folders added and not yet forced, in the order they were first added. */
    public synchronized List<Path> folders() {
        return List.copyOf(folders);
    }

    /**
     * Forces every file, then every folder, to disk, and forgets them. A file removed since it was added (an object
     * replaced or deleted meanwhile) has nothing left to force and is skipped.
     */
    public void force() throws IOException {
        List<Path> forcedFiles;
        List<Path> forcedFolders;
        synchronized (this) {
            forcedFiles = List.copyOf(files);
            forcedFolders = List.copyOf(folders);
            files.clear();
            folders.clear();
        }
        for (Path file : forcedFiles) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                channel.force(true);
            } catch (NoSuchFileException e) {
                // Replaced or deleted meanwhile: whatever took its place forced itself or is in this set.
            }
        }
        for (Path folder : forcedFolders) {
            AtomicFiles.syncFolder(folder);
        }
    }
}
