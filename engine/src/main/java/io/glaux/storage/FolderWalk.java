package io.glaux.storage;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The plain files under a bucket folder in S3 key order, read lazily: each folder's entries are sorted with folders
 * keyed as "name/", so a depth-first walk meets keys in order, and folders that lie wholly before the start key,
 * outside the prefix or inside a skipped common prefix are never opened.
 */
final class FolderWalk implements KeySource {

    private record Entry(Path path, String key, boolean folder, BasicFileAttributes attributes) {
    }

    private final Path bucketDir;
    private final String bucket;
    private final String prefix;
    private final String startAfter;
    private final Deque<Iterator<Entry>> stack = new ArrayDeque<>();
    private String skipped;

    FolderWalk(Path bucketDir, String bucket, String prefix, String startAfter) throws IOException {
        this.bucketDir = bucketDir;
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix;
        this.startAfter = startAfter;
        stack.push(sortedEntries(bucketDir, "").iterator());
    }

    @Override
    public ObjectInfo next() throws IOException {
        while (!stack.isEmpty()) {
            Iterator<Entry> top = stack.peek();
            if (!top.hasNext()) {
                stack.pop();
                continue;
            }
            Entry entry = top.next();
            if (skipped != null && entry.key().startsWith(skipped)) {
                continue;
            }
            if (entry.folder()) {
                if (mayHoldMatches(entry.key())) {
                    stack.push(sortedEntries(entry.path(), entry.key()).iterator());
                }
            } else if (matches(entry.key())) {
                return new ObjectInfo(bucket, entry.key(), entry.attributes().size(),
                        entry.attributes().lastModifiedTime().toInstant());
            }
        }
        return null;
    }

    @Override
    public void skip(String commonPrefix) {
        skipped = commonPrefix;
    }

    private boolean mayHoldMatches(String folderKey) {
        boolean prefixCompatible = folderKey.startsWith(prefix) || prefix.startsWith(folderKey);
        boolean afterStart = startAfter == null || KeyOrder.compare(folderKey, startAfter) > 0
                || startAfter.startsWith(folderKey);
        return prefixCompatible && afterStart;
    }

    private boolean matches(String key) {
        return key.startsWith(prefix) && (startAfter == null || KeyOrder.compare(key, startAfter) > 0);
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
