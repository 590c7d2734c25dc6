package io.glaux.s3.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Counts what is read through it and computes its MD5 (an ETag), optionally its SHA-256 (to check
 * {@code x-amz-content-sha256}) and optionally one additional checksum.
 */
final class ChecksummingInputStream extends FilterInputStream {

    private final MessageDigest md5 = digest("MD5");
    private final MessageDigest sha256;
    private final ChecksumAlgorithm algorithm;
    private final ChecksumAlgorithm.Digest checksum;
    private long count;

    ChecksummingInputStream(InputStream in, ChecksumAlgorithm algorithm) {
        this(in, algorithm, false);
    }

    ChecksummingInputStream(InputStream in, ChecksumAlgorithm algorithm, boolean sha256) {
        super(in);
        this.sha256 = sha256 ? digest("SHA-256") : null;
        this.algorithm = algorithm;
        this.checksum = algorithm == null ? null : algorithm.newDigest();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            md5.update(buffer, offset, n);
            if (sha256 != null) {
                sha256.update(buffer, offset, n);
            }
            if (checksum != null) {
                checksum.update(buffer, offset, n);
            }
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) {
        return 0;
    }

    /** The MD5 in hex, once everything was read. */
    String md5Hex() {
        return HexFormat.of().formatHex(md5Bytes());
    }

    /** The MD5, once everything was read. */
    byte[] md5Bytes() {
        return md5.digest();
    }

    /** The SHA-256 in hex, or null when it was not asked for; once everything was read. */
    String sha256Hex() {
        return sha256 == null ? null : HexFormat.of().formatHex(sha256.digest());
    }

    /** How many bytes were read through it. */
    long count() {
        return count;
    }

    /** The additional checksum in base64, or null when none was asked for; once everything was read. */
    String checksum() {
        return checksum == null ? null : Base64.getEncoder().encodeToString(checksum.finish());
    }

    ChecksumAlgorithm algorithm() {
        return algorithm;
    }

    private static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " is missing from this JDK", e);
        }
    }
}
