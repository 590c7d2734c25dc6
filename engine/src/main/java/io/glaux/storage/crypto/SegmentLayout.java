package io.glaux.storage.crypto;

/**
 * Where the bytes of an object encrypted in segments lie. The plaintext is cut into segments of {@code segmentSize}
 * bytes (the last one shorter, at least one segment even for an empty object); each is stored as a 12-byte IV, its
 * ciphertext and a 16-byte GCM tag. So a plaintext offset maps to one segment, and the plaintext size follows from
 * the stored size alone, which lets listings and ranged reads work without reading the object.
 */
record SegmentLayout(int segmentSize) {

    static final int IV_BYTES = 12;
    static final int TAG_BYTES = 16;
    static final int OVERHEAD = IV_BYTES + TAG_BYTES;
    /** 64 KiB: small enough for a footer read to decrypt little, large enough that the overhead is 0.04%. */
    static final int DEFAULT_SEGMENT_SIZE = 64 * 1024;

    SegmentLayout {
        if (segmentSize <= 0) {
            throw new IllegalArgumentException("segment size must be positive, was " + segmentSize);
        }
    }

    /** Stored bytes of one full segment. */
    int storedSegmentSize() {
        return segmentSize + OVERHEAD;
    }

    /** Number of segments of an object stored in {@code storedSize} bytes. */
    long segments(long storedSize) {
        return Math.max(1, (storedSize + storedSegmentSize() - 1) / storedSegmentSize());
    }

    /** The plaintext size of an object stored in {@code storedSize} bytes. */
    long plainSize(long storedSize) {
        return Math.max(0, storedSize - segments(storedSize) * OVERHEAD);
    }

    /** The segment holding the plaintext byte at {@code offset}. */
    long segmentOf(long plainOffset) {
        return plainOffset / segmentSize;
    }

    /** Where segment {@code index} starts in the stored bytes. */
    long storedOffset(long index) {
        return index * storedSegmentSize();
    }
}
