package io.glaux.s3.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** Computes the MD5 (an ETag) and optionally one additional checksum of what is read through it. */
final class ChecksummingInputStream extends FilterInputStream {

    private final MessageDigest md5;
    private final ChecksumAlgorithm algorithm;
    private final ChecksumAlgorithm.Digest checksum;

    ChecksummingInputStream(InputStream in, ChecksumAlgorithm algorithm) {
        super(in);
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JDK", e);
        }
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
            if (checksum != null) {
                checksum.update(buffer, offset, n);
            }
        }
        return n;
    }

    @Override
    public long skip(long n) {
        return 0;
    }

    /** The MD5 in hex, once everything was read. */
    String md5Hex() {
        return HexFormat.of().formatHex(md5.digest());
    }

    /** The additional checksum in base64, or null when none was asked for; once everything was read. */
    String checksum() {
        return checksum == null ? null : Base64.getEncoder().encodeToString(checksum.finish());
    }

    ChecksumAlgorithm algorithm() {
        return algorithm;
    }
}
