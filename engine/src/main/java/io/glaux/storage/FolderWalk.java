package io.glaux.storage;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lists the files under a bucket folder in S3 key order without reading the whole tree: each folder's entries are
 * sorted with folders keyed as "name/", so a depth-first walk meets keys in order, and folders that lie wholly before
 * the start key or outside the prefix are never opened.
 */
final class FolderWalk {

    private record Entry(Path path, String key, boolean folder, BasicFileAttributes attributes) {
    }

    private final Path bucketDir;
    private final String bucket;
    private final String prefix;
    private final String startAfter;
    private final int limit;
    private final List<ObjectInfo> found = new ArrayList<>();

    private FolderWalk(Path bucketDir, String bucket, String prefix, String startAfter, int limit) {
        this.bucketDir = bucketDir;
        this.bucket = bucket;
        this.prefix = prefix;
        this.startAfter = startAfter;
        this.limit = limit;
    }

    /** Up to {@code limit} objects whose keys start with {@code prefix} and come after {@code startAfter}. */
    static List<ObjectInfo> collect(Path bucketDir, String bucket, String prefix, String startAfter, int limit)
            throws IOException {
        FolderWalk walk = new FolderWalk(bucketDir, bucket, prefix, startAfter, limit);
        walk.visit(bucketDir, "");
        return walk.found;
    }

    private void visit(Path dir, String dirKey) throws IOException {
        for (Entry entry : sortedEntries(dir, dirKey)) {
            if (found.size() >= limit) {
                return;
            }
            if (entry.folder()) {
                if (mayHoldMatches(entry.key())) {
                    visit(entry.path(), entry.key());
                }
            } else if (matches(entry.key())) {
                found.add(new ObjectInfo(bucket, entry.key(), entry.attributes().size(),
                        entry.attributes().lastModifiedTime().toInstant()));
            }
        }
    }

    private boolean mayHoldMatches(String folderKey) {
        boolean prefixCompatible = folderKey.startsWith(prefix) || prefix.startsWith(folderKey);
        boolean afterStart = startAfter == null || KeyOrder.compare(folderKey, startAfter) > 0
                || startAfter.startsWith(folderKey);
        return prefixCompatible && afterStart;
    }

    private boolean matches(String key) {
        return key.startsWith(prefix) && (startAfter == null || KeyOrder.compare(key, startAfter) > 0)
                && LocalKeys.isValid(key);
    }

    private List<Entry> sortedEntries(Path dir, String dirKey) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path child : stream) {
                Entry entry = entryFor(child, dirKey + child.getFileName().toString());
                if (entry != null) {
                    entries.add(entry);
                }
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            // Removed by a concurrent delete since the parent was read: it holds nothing now.
            return List.of();
        }
        entries.sort(Comparator.comparing(Entry::key, KeyOrder.UTF8));
        return entries;
    }

    /** A folder to descend into, a file to list, or null for anything else. */
    private Entry entryFor(Path child, String key) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attributes.isDirectory()) {
                return new Entry(child, key + "/", true, attributes);
            }
            if (attributes.isRegularFile()) {
                return new Entry(child, key, false, attributes);
            }
            if (attributes.isSymbolicLink()) {
                // Linked files are listed only when they stay inside the bucket; linked folders never (cycles, escapes).
                Path target = child.toRealPath();
                if (target.startsWith(bucketDir) && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                    return new Entry(child, key, false,
                            Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
                }
            }
        } catch (NoSuchFileException e) {
            // Deleted meanwhile, or a dangling link.
        }
        return null;
    }
}
