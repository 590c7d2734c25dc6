package io.glaux.storage;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.persist.AtomicFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The embedded store's record of each object besides its bytes: its key, ETag and metadata. A record belongs to one
 * generation of the object's file — the file's identity (device and inode where the platform has them), size and
 * modification time — and is written before the file is renamed into place, so the file and its record appear
 * together: a reader takes the record of the generation it sees, and a record whose file never appeared (a crash
 * between the two steps) or was replaced is never used. Files put in a bucket folder by other tools have no record
 * and get a default description.
 */
final class ObjectRecords {

    /** What is kept for one generation of one object. */
    record Entry(String key, long size, long modifiedNanos, String etag, ObjectMetadata metadata) {
    }

    private static final String SUFFIX = ".json";

    private final LocalLayout layout;
    private final ObjectMapper json = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    ObjectRecords(LocalLayout layout) {
        this.layout = layout;
    }

    /** The generation of a file: what changes whenever the file is replaced or rewritten. */
    static String generation(BasicFileAttributes attributes) {
        StringBuilder generation = new StringBuilder(64);
        Object fileKey = attributes.fileKey();
        if (fileKey != null) {
            // The identity's letters and digits only (a Unix file key reads "(dev=803,ino=1234)").
            String identity = fileKey.toString();
            for (int i = 0; i < identity.length(); i++) {
                char c = identity.charAt(i);
                if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                    generation.append(c);
                }
            }
        }
        return generation.append('s').append(attributes.size()).append('m')
                .append(attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)).toString();
    }

    /** Writes the record of one generation; returns its file. */
    Path write(String bucket, Entry entry, String generation, boolean force) throws IOException {
        Path file = layout.metadataDir(bucket, entry.key()).resolve(generation + SUFFIX);
        AtomicFiles.write(file, json.writeValueAsBytes(entry), force);
        return file;
    }

    /** The record of the generation {@code attributes} describe, if the store wrote one. */
    Optional<Entry> read(String bucket, String key, BasicFileAttributes attributes) throws IOException {
        return readIn(layout.metadataDir(bucket, key), attributes).filter(entry -> entry.key().equals(key));
    }

    /** The record of an object kept aside, found by the hash its file is named by. */
    Optional<Entry> readAside(String bucket, String hash, BasicFileAttributes attributes) throws IOException {
        return readIn(layout.metadataDirOfHash(bucket, hash), attributes)
                .filter(entry -> LocalLayout.hash(entry.key()).equals(hash));
    }

    private Optional<Entry> readIn(Path dir, BasicFileAttributes attributes) throws IOException {
        byte[] content;
        try {
            content = Files.readAllBytes(dir.resolve(generation(attributes) + SUFFIX));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(json.readValue(content, Entry.class));
    }

    /** Removes the records of every generation but {@code kept} (null: all of them). */
    void dropExcept(String bucket, String key, String kept) throws IOException {
        Path dir = layout.metadataDir(bucket, key);
        String keptName = kept == null ? null : kept + SUFFIX;
        try (DirectoryStream<Path> records = Files.newDirectoryStream(dir)) {
            for (Path record : records) {
                if (!record.getFileName().toString().equals(keptName)) {
                    Files.deleteIfExists(record);
                }
            }
        } catch (NoSuchFileException e) {
            return;
        }
        if (kept == null) {
            try {
                Files.deleteIfExists(dir);
            } catch (java.nio.file.DirectoryNotEmptyException e) {
                // A new generation arrived meanwhile; it keeps the folder.
            }
        }
    }

    /** Removes every record of a bucket (when the bucket is deleted). */
    void dropBucket(String bucket) throws IOException {
        deleteTree(layout.metadataBucketDir(bucket));
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
