package io.glaux.storage;

import java.util.List;
import java.util.regex.Pattern;

/** S3's rules for bucket names and object keys, shared by every store and the S3 endpoint. */
public final class ObjectKeys {

    /** S3's limit on a key: 1024 bytes of UTF-8. */
    public static final int MAX_KEY_BYTES = 1024;

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    private static final List<String> RESERVED_STARTS = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> RESERVED_ENDS = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3",
            "--table-s3");

    private ObjectKeys() {
    }

    /**
     * S3's bucket naming rules: 3-63 characters of lower-case letters, digits, dots and hyphens, beginning and ending
     * with a letter or digit, no two adjacent dots, not an IP address, none of S3's reserved prefixes and suffixes.
     */
    public static void validateBucket(String bucket) {
        String problem = bucketProblem(bucket);
        if (problem != null) {
            throw new InvalidBucketNameException(bucket, problem);
        }
    }

    public static boolean isValidBucket(String bucket) {
        return bucketProblem(bucket) == null;
    }

    private static String bucketProblem(String bucket) {
        if (bucket == null || bucket.length() < 3 || bucket.length() > 63) {
            return "a bucket name is 3 to 63 characters long";
        }
        if (!BUCKET.matcher(bucket).matches()) {
            return "a bucket name holds only lower-case letters, digits, dots and hyphens, and begins and ends"
                    + " with a letter or digit";
        }
        if (bucket.contains("..")) {
            return "a bucket name must not hold two adjacent dots";
        }
        if (IP_ADDRESS.matcher(bucket).matches()) {
            return "a bucket name must not look like an IP address";
        }
        for (String start : RESERVED_STARTS) {
            if (bucket.startsWith(start)) {
                return "a bucket name must not begin with '" + start + "'";
            }
        }
        for (String end : RESERVED_ENDS) {
            if (bucket.endsWith(end)) {
                return "a bucket name must not end with '" + end + "'";
            }
        }
        return null;
    }

    /**
     * S3's rules for a key: 1 to 1024 bytes of UTF-8 (a Java string without unpaired surrogates). Any character and
     * any segment are allowed, {@code ..} and empty segments included: stores never turn a key into a path
     * unchecked.
     *
     * @throws KeyTooLongException beyond 1024 bytes
     * @throws InvalidKeyException when empty or not encodable as UTF-8
     */
    public static void validate(String key) {
        if (key == null || key.isEmpty()) {
            throw new InvalidKeyException("Object key is empty");
        }
        int bytes = utf8Length(key);
        if (bytes < 0) {
            throw new InvalidKeyException("Object key is not valid UTF-8 (it holds an unpaired surrogate)");
        }
        if (bytes > MAX_KEY_BYTES) {
            throw new KeyTooLongException(bytes);
        }
    }

    /** Like {@link #validate} but also accepts the empty prefix (the whole bucket). */
    public static void validatePrefix(String prefix) {
        if (prefix != null && !prefix.isEmpty()) {
            validate(prefix);
        }
    }

    /** The UTF-8 length of {@code s}, or -1 when it holds an unpaired surrogate. */
    static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return -1;
                }
                bytes += 4;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return -1;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

}
