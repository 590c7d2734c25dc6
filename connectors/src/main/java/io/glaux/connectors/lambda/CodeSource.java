package io.glaux.connectors.lambda;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a deployment package comes from: the bytes of CreateFunction's {@code ZipFile}, an object of Glaux's own
 * store ({@code S3Bucket}, {@code S3Key}, {@code S3ObjectVersion}), or a file (for code that creates functions
 * itself). A jar is a zip and is taken as one.
 */
public sealed interface CodeSource {

    /** {@code ZipFile}: the package inline (Lambda takes up to 50 MB this way). */
    record Inline(byte[] zip) implements CodeSource {
        public Inline {
            Objects.requireNonNull(zip, "zip");
        }
    }

    /** An object of Glaux's store; {@code version} may be null (the store keeps no versions: only "null" names one). */
    record StoredObject(String bucket, String key, String version) implements CodeSource {
        public StoredObject {
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(key, "key");
        }
    }

    /** A zip or jar file on this machine. */
    record File(Path path) implements CodeSource {
        public File {
            Objects.requireNonNull(path, "path");
        }
    }

    static CodeSource inline(byte[] zip) {
        return new Inline(zip);
    }

    static CodeSource stored(String bucket, String key, String version) {
        return new StoredObject(bucket, key, version);
    }

    static CodeSource file(Path path) {
        return new File(path);
    }
}
