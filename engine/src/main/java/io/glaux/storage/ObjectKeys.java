package io.glaux.storage;

import java.util.regex.Pattern;

/** Validation of bucket names and keys, shared by every store so none can be led outside its root. */
public final class ObjectKeys {

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private ObjectKeys() {
    }

    /** S3's bucket naming rules (3-63 chars, lower case letters, digits, dots, hyphens). */
    public static void validateBucket(String bucket) {
        if (bucket == null || !BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw new InvalidKeyException("Invalid bucket name '" + bucket + "'");
        }
    }

    /**
     * Rejects keys that could escape a folder-backed store: empty, absolute, containing NUL or backslash, or with a
     * "." or ".." segment.
     */
    public static void validate(String key) {
        if (key == null || key.isEmpty()) {
            throw new InvalidKeyException("Object key is empty");
        }
        if (key.length() > 1024) {
            throw new InvalidKeyException("Object key is longer than 1024 characters");
        }
        if (key.startsWith("/")) {
            throw new InvalidKeyException("Object key must not be absolute: '" + key + "'");
        }
        if (key.indexOf('\0') >= 0 || key.indexOf('\\') >= 0) {
            throw new InvalidKeyException("Object key contains a NUL or backslash character");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                throw new InvalidKeyException("Object key must not contain '.' or '..' segments: '" + key + "'");
            }
        }
    }

    /** Like {@link #validate} but also accepts the empty prefix (the whole bucket). */
    public static void validatePrefix(String prefix) {
        if (prefix != null && !prefix.isEmpty()) {
            validate(prefix);
        }
    }
}
