package io.glaux.storage;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The objects of one bucket that the embedded store keeps aside ({@link LocalLayout}), as a {@link KeySource}. They
 * are few (keys a folder cannot hold), so a listing reads them all and sorts them; a bucket without any costs one
 * look at a folder that does not exist.
 */
final class AsideKeys implements KeySource {

    private final Iterator<ObjectInfo> objects;
    private String skipped;

    private AsideKeys(List<ObjectInfo> sorted) {
        this.objects = sorted.iterator();
    }

    static AsideKeys of(LocalLayout layout, ObjectRecords records, String bucket, String prefix, String startAfter)
            throws IOException {
        List<ObjectInfo> found = new ArrayList<>();
        Path dir = layout.asideDir(bucket);
        try (DirectoryStream<Path> shards = Files.newDirectoryStream(dir)) {
            for (Path shard : shards) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(shard)) {
                    for (Path file : files) {
                        describe(records, bucket, file).filter(info -> info.key().startsWith(prefix)
                                && (startAfter == null || KeyOrder.compare(info.key(), startAfter) > 0))
                                .ifPresent(found::add);
                    }
                } catch (NoSuchFileException e) {
                    // Emptied and removed meanwhile.
                }
            }
        } catch (NoSuchFileException e) {
            return new AsideKeys(List.of());
        }
        found.sort(Comparator.comparing(ObjectInfo::key, KeyOrder.UTF8));
        return new AsideKeys(found);
    }

    private static Optional<ObjectInfo> describe(ObjectRecords records, String bucket, Path file) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (!attributes.isRegularFile()) {
            return Optional.empty();
        }
        return records.readAside(bucket, file.getFileName().toString(), attributes)
                .map(entry -> new ObjectInfo(bucket, entry.key(), attributes.size(),
                        attributes.lastModifiedTime().toInstant(), entry.etag()));
    }

    @Override
    public ObjectInfo next() {
        while (objects.hasNext()) {
            ObjectInfo next = objects.next();
            if (skipped == null || !next.key().startsWith(skipped)) {
                return next;
            }
        }
        return null;
    }

    @Override
    public void skip(String prefix) {
        skipped = prefix;
    }
}
