package io.glaux.sql.function;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static java.lang.Long.rotateLeft;

/**
 * Bob Jenkins' SpookyHash V2 (64-bit result, the first half of the 128-bit hash, seeds both equal), as Trino's
 * spooky_hash_v2_32 and spooky_hash_v2_64 compute it: words are read little-endian; messages shorter than 192 bytes
 * take the short path of 4-word mixing, longer ones the 12-word blocks with a final padded block.
 */
final class SpookyHashV2 {
    private static final long CONST = 0xdeadbeefdeadbeefL;
    private static final int WORDS = 12;
    private static final int BLOCK = WORDS * Long.BYTES;
    private static final int SHORT_LIMIT = 2 * BLOCK;

    private SpookyHashV2() {
    }

    static long hash64(byte[] message, long seed) {
        ByteBuffer in = ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN);
        return message.length < SHORT_LIMIT ? shortHash(in, message.length, seed) : longHash(in, message.length, seed);
    }

    private static long shortHash(ByteBuffer in, int length, long seed) {
        long[] h = {seed, seed, CONST, CONST};
        int remainder = length % 32;
        int pos = 0;
        if (length > 15) {
            for (int end = length / 32 * 32; pos < end; pos += 32) {
                h[2] += in.getLong(pos);
                h[3] += in.getLong(pos + 8);
                shortMix(h);
                h[0] += in.getLong(pos + 16);
                h[1] += in.getLong(pos + 24);
            }
            if (remainder >= 16) {
                h[2] += in.getLong(pos);
                h[3] += in.getLong(pos + 8);
                shortMix(h);
                pos += 16;
                remainder -= 16;
            }
        }
        h[3] += (long) length << 56;
        if (remainder == 0) {
            h[2] += CONST;
            h[3] += CONST;
        } else {
            // the last 1..15 bytes: the first 8 (or fewer) into c, the rest into d, little-endian
            for (int i = 0; i < remainder; i++) {
                long b = (in.get(pos + i) & 0xffL) << (8 * (i % 8));
                if (i < 8) {
                    h[2] += b;
                } else {
                    h[3] += b;
                }
            }
        }
        shortEnd(h);
        return h[0];
    }

    private static long longHash(ByteBuffer in, int length, long seed) {
        long[] h = new long[WORDS];
        for (int i = 0; i < WORDS; i++) {
            h[i] = i % 3 == 2 ? CONST : seed;
        }
        long[] data = new long[WORDS];
        int blocks = length / BLOCK;
        for (int b = 0; b < blocks; b++) {
            for (int i = 0; i < WORDS; i++) {
                data[i] = in.getLong(b * BLOCK + i * Long.BYTES);
            }
            mix(data, h);
        }
        int remainder = length - blocks * BLOCK;
        byte[] last = new byte[BLOCK];
        in.get(blocks * BLOCK, last, 0, remainder);
        last[BLOCK - 1] = (byte) remainder;
        ByteBuffer tail = ByteBuffer.wrap(last).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < WORDS; i++) {
            h[i] += tail.getLong(i * Long.BYTES);
        }
        for (int round = 0; round < 3; round++) {
            endPartial(h);
        }
        return h[0];
    }

    private static final int[] MIX_ROTATIONS = {11, 32, 43, 31, 17, 28, 39, 57, 55, 54, 22, 46};

    /** One 12-word block into the state: word i is added to s[i], then s[i] is folded into its neighbours. */
    private static void mix(long[] data, long[] s) {
        for (int i = 0; i < WORDS; i++) {
            s[i] += data[i];
            s[(i + 2) % WORDS] ^= s[(i + 10) % WORDS];
            s[(i + 11) % WORDS] ^= s[i];
            s[i] = rotateLeft(s[i], MIX_ROTATIONS[i]);
            s[(i + 11) % WORDS] += s[(i + 1) % WORDS];
        }
    }

    private static final int[] END_ROTATIONS = {44, 15, 34, 21, 38, 33, 10, 13, 38, 53, 42, 54};

    private static void endPartial(long[] h) {
        for (int i = 0; i < WORDS; i++) {
            int r = (i + 1) % WORDS;
            h[(i + 11) % WORDS] += h[r];
            h[(i + 2) % WORDS] ^= h[(i + 11) % WORDS];
            h[r] = rotateLeft(h[r], END_ROTATIONS[i]);
        }
    }

    private static final int[] SHORT_MIX_ROTATIONS = {50, 52, 30, 41, 54, 48, 38, 37, 62, 34, 5, 36};

    /** ShortMix: twelve steps, each rotating one word, adding the next and xoring into the one after. */
    private static void shortMix(long[] h) {
        for (int step = 0; step < 12; step++) {
            int i = (step + 2) % 4;
            h[i] = rotateLeft(h[i], SHORT_MIX_ROTATIONS[step]);
            h[i] += h[(i + 1) % 4];
            h[(i + 2) % 4] ^= h[i];
        }
    }

    private static final int[] SHORT_END_ROTATIONS = {15, 52, 26, 51, 28, 9, 47, 54, 32, 25, 63};

    /** ShortEnd: eleven steps, each xoring one word into the next, rotating it and adding it back. */
    private static void shortEnd(long[] h) {
        for (int step = 0; step < 11; step++) {
            int i = (step + 2) % 4;
            int next = (i + 1) % 4;
            h[next] ^= h[i];
            h[i] = rotateLeft(h[i], SHORT_END_ROTATIONS[step]);
            h[next] += h[i];
        }
    }
}
