package io.glaux.storage;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where the embedded store keeps what. Objects whose keys a folder can hold are plain files at
 * {@code root/<bucket>/<key>}, so other tools read the data in place. Every other valid S3 key (a segment longer than
 * a file name may be, an empty, {@code .} or {@code ..} segment, a trailing {@code /}, a key that is also another
 * key's folder) is kept aside, under {@code .glaux/store/aside/<bucket>/}, named by the SHA-256 of the key. The store's
 * own state lives under {@code .glaux/store}: staging areas, the metadata of each object, bucket creation times.
 * Nothing there is in any bucket's namespace: bucket names never start with a dot.
 */
final class LocalLayout {

    /** The longest file name most file systems take, in bytes. */
    private static final int MAX_NAME_BYTES = 255;
    private static final boolean WINDOWS = File.separatorChar == '\\';

    private final Path root;
    private final Path storeDir;

    LocalLayout(Path root) {
        this.root = root;
        this.storeDir = root.resolve(".glaux").resolve("store");
    }

    Path root() {
        return root;
    }

    Path storeDir() {
        return storeDir;
    }

    Path stagingRoot() {
        return storeDir.resolve("staging");
    }

    Path bucketDir(String bucket) {
        ObjectKeys.validateBucket(bucket);
        return root.resolve(bucket);
    }

    /** A small file holding the bucket's creation time. */
    Path bucketRecord(String bucket) {
        return storeDir.resolve("buckets").resolve(bucket);
    }

    /** The folder of objects kept aside for this bucket. */
    Path asideDir(String bucket) {
        return storeDir.resolve("aside").resolve(bucket);
    }

    Path asideFile(String bucket, String key) {
        String hash = hash(key);
        return asideDir(bucket).resolve(hash.substring(0, 2)).resolve(hash);
    }

    /** The folder of the metadata records of one key (one per generation of the object). */
    Path metadataDir(String bucket, String key) {
        return metadataDirOfHash(bucket, hash(key));
    }

    Path metadataDirOfHash(String bucket, String hash) {
        return storeDir.resolve("meta").resolve(bucket).resolve(hash.substring(0, 2)).resolve(hash);
    }

    Path metadataBucketDir(String bucket) {
        return storeDir.resolve("meta").resolve(bucket);
    }

    /**
     * The plain file for a key, or null when a folder cannot hold the key as a file at its own path. The path is
     * built segment by segment from names that cannot climb out of the bucket folder.
     */
    Path plainFile(String bucket, String key) {
        if (!isPlain(key)) {
            return null;
        }
        Path file = bucketDir(bucket);
        for (String segment : key.split("/")) {
            file = file.resolve(segment);
        }
        return file;
    }

    static boolean isPlain(String key) {
        if (key.indexOf('\0') >= 0) {
            return false;
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")
                    || ObjectKeys.utf8Length(segment) > MAX_NAME_BYTES) {
                return false;
            }
            if (WINDOWS && !windowsName(segment)) {
                return false;
            }
        }
        return true;
    }

    private static boolean windowsName(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < 32 || "\\:*?\"<>|".indexOf(c) >= 0) {
                return false;
            }
        }
        return !segment.endsWith(".") && !segment.endsWith(" ");
    }

    static String hash(String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
