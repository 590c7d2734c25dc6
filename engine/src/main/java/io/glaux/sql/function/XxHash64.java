package io.glaux.sql.function;

/**
 * The 64-bit xxHash of a byte array with seed 0 (Yann Collet's XXH64, as Trino's xxhash64 computes it). No library
 * on Glaux's class path exposes it, and the algorithm is short and fully specified.
 */
final class XxHash64 {
    private static final long PRIME_1 = 0x9E3779B185EBCA87L;
    private static final long PRIME_2 = 0xC2B2AE3D27D4EB4FL;
    private static final long PRIME_3 = 0x165667B19E3779F9L;
    private static final long PRIME_4 = 0x85EBCA77C2B2AE63L;
    private static final long PRIME_5 = 0x27D4EB2F165667C5L;

    private XxHash64() {
    }

    static long hash(byte[] input) {
        int length = input.length;
        int i = 0;
        long h;
        if (length >= 32) {
            long v1 = PRIME_1 + PRIME_2;
            long v2 = PRIME_2;
            long v3 = 0;
            long v4 = -PRIME_1;
            for (; i <= length - 32; i += 32) {
                v1 = round(v1, longAt(input, i));
                v2 = round(v2, longAt(input, i + 8));
                v3 = round(v3, longAt(input, i + 16));
                v4 = round(v4, longAt(input, i + 24));
            }
            h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12)
                    + Long.rotateLeft(v4, 18);
            h = merge(h, v1);
            h = merge(h, v2);
            h = merge(h, v3);
            h = merge(h, v4);
        } else {
            h = PRIME_5;
        }
        h += length;
        for (; i <= length - 8; i += 8) {
            h ^= round(0, longAt(input, i));
            h = Long.rotateLeft(h, 27) * PRIME_1 + PRIME_4;
        }
        if (i <= length - 4) {
            h ^= (intAt(input, i) & 0xFFFF_FFFFL) * PRIME_1;
            h = Long.rotateLeft(h, 23) * PRIME_2 + PRIME_3;
            i += 4;
        }
        for (; i < length; i++) {
            h ^= (input[i] & 0xFFL) * PRIME_5;
            h = Long.rotateLeft(h, 11) * PRIME_1;
        }
        h ^= h >>> 33;
        h *= PRIME_2;
        h ^= h >>> 29;
        h *= PRIME_3;
        h ^= h >>> 32;
        return h;
    }

    private static long round(long accumulator, long input) {
        return Long.rotateLeft(accumulator + input * PRIME_2, 31) * PRIME_1;
    }

    private static long merge(long accumulator, long value) {
        return (accumulator ^ round(0, value)) * PRIME_1 + PRIME_4;
    }

    /** Little-endian. */
    private static long longAt(byte[] b, int i) {
        return (intAt(b, i) & 0xFFFF_FFFFL) | ((long) intAt(b, i + 4) << 32);
    }

    private static int intAt(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
    }
}
