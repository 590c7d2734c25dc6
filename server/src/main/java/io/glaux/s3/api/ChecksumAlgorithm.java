package io.glaux.s3.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/** The additional checksums S3 verifies and keeps ({@code x-amz-checksum-<algorithm>}, base64 of the digest). */
enum ChecksumAlgorithm {
    CRC32(4), CRC32C(4), CRC64NVME(8), SHA1(20), SHA256(32);

    private final int bytes;

    ChecksumAlgorithm(int bytes) {
        this.bytes = bytes;
    }

    /** The algorithm named (case-insensitively) by a header or an XML element, or null when it is none of them. */
    static ChecksumAlgorithm named(String name) {
        if (name == null) {
            return null;
        }
        for (ChecksumAlgorithm algorithm : values()) {
            if (algorithm.name().equalsIgnoreCase(name.trim())) {
                return algorithm;
            }
        }
        return null;
    }

    /** {@code x-amz-checksum-crc32} and so on. */
    String header() {
        return "x-amz-checksum-" + name().toLowerCase(Locale.ROOT);
    }

    /** {@code ChecksumCRC32} and so on, as response documents name it. */
    String element() {
        return "Checksum" + name();
    }

    /** Whether {@code value} is the base64 of a digest of this algorithm's length. */
    boolean isWellFormed(String value) {
        try {
            return value != null && Base64.getDecoder().decode(value.trim()).length == bytes;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    Digest newDigest() {
        return switch (this) {
            case CRC32 -> new CrcDigest(new CRC32(), 4);
            case CRC32C -> new CrcDigest(new CRC32C(), 4);
            case CRC64NVME -> new Crc64Nvme();
            case SHA1 -> new MessageDigestDigest("SHA-1");
            case SHA256 -> new MessageDigestDigest("SHA-256");
        };
    }

    /** The digest of {@code data}, base64. */
    String of(byte[] data) {
        Digest digest = newDigest();
        digest.update(data, 0, data.length);
        return Base64.getEncoder().encodeToString(digest.finish());
    }

    /** A running digest. */
    interface Digest {
        void update(byte[] data, int offset, int length);

        byte[] finish();
    }

    private record CrcDigest(Checksum checksum, int bytes) implements Digest {
        @Override
        public void update(byte[] data, int offset, int length) {
            checksum.update(data, offset, length);
        }

        @Override
        public byte[] finish() {
            long value = checksum.getValue();
            byte[] out = new byte[bytes];
            for (int i = 0; i < bytes; i++) {
                out[i] = (byte) (value >>> (8 * (bytes - 1 - i)));
            }
            return out;
        }
    }

    private static final class MessageDigestDigest implements Digest {
        private final MessageDigest digest;

        MessageDigestDigest(String algorithm) {
            try {
                digest = MessageDigest.getInstance(algorithm);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(algorithm + " is missing from this JDK", e);
            }
        }

        @Override
        public void update(byte[] data, int offset, int length) {
            digest.update(data, offset, length);
        }

        @Override
        public byte[] finish() {
            return digest.digest();
        }
    }

    /** CRC-64/NVME: reflected polynomial 0x9a6c9329ac4bc9b5, all ones in and out. */
    private static final class Crc64Nvme implements Digest {
        private static final long[] TABLE = new long[256];

        static {
            for (int i = 0; i < 256; i++) {
                long crc = i;
                for (int bit = 0; bit < 8; bit++) {
                    crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x9a6c9329ac4bc9b5L : crc >>> 1;
                }
                TABLE[i] = crc;
            }
        }

        private long crc = -1L;

        @Override
        public void update(byte[] data, int offset, int length) {
            long c = crc;
            for (int i = offset; i < offset + length; i++) {
                c = TABLE[(int) ((c ^ data[i]) & 0xff)] ^ (c >>> 8);
            }
            crc = c;
        }

        @Override
        public byte[] finish() {
            long value = ~crc;
            byte[] out = new byte[8];
            for (int i = 0; i < 8; i++) {
                out[i] = (byte) (value >>> (8 * (7 - i)));
            }
            return out;
        }
    }
}
