package io.glaux.sql.vector;

/**
 * How a join row's key values become the one long its {@link JoinTable} is keyed by. One key is its own value. Several
 * keys whose values on the table's side lie in ranges whose product fits a long (TPC-H's part and supplier keys of
 * partsupp: 200,000 × 10,000 at scale 1) are packed into one number exactly, as the digits of a mixed radix, so equal
 * packed keys mean equal keys and a match needs no check of each key; a row of the other side with a value outside
 * its range gets a number no table row has. Other keys are mixed into a hash, and each candidate row is checked
 * against every key.
 */
final class JoinKeys {

    /** What a row whose value lies outside the table's range is keyed by: packed keys are never negative. */
    static final long ABSENT = -1;
    /** Packed keys stay below this, so that the table's range is never near a long's end. */
    private static final long MAX_PACKED = 1L << 62;

    private static final JoinKeys ONE = new JoinKeys(null, null, null, true);

    /** Per key, the lowest and highest value on the table's side and the weight of its digit; null when mixed. */
    private final long[] lowest;
    private final long[] highest;
    private final long[] weights;
    private final boolean exact;

    private JoinKeys(long[] lowest, long[] highest, long[] weights, boolean exact) {
        this.lowest = lowest;
        this.highest = highest;
        this.weights = weights;
        this.exact = exact;
    }

    /** One key: its value. */
    static JoinKeys one() {
        return ONE;
    }

    /**
     * Keys whose values on the table's side lie in {@code lowest[k] .. highest[k]} (a key without rows has
     * {@code lowest > highest}): packed when the ranges' product fits, else mixed.
     */
    static JoinKeys of(long[] lowest, long[] highest) {
        if (lowest.length == 1) {
            return ONE;
        }
        long[] weights = new long[lowest.length];
        long product = 1;
        for (int k = lowest.length - 1; k >= 0; k--) {
            if (lowest[k] > highest[k]) {
                // No table row: every row of the other side lies outside the range, and matches nothing.
                return new JoinKeys(lowest.clone(), highest.clone(), weights, true);
            }
            long span = highest[k] - lowest[k] + 1;
            // A span that overflows is beyond any product that fits.
            if (span <= 0 || product > MAX_PACKED / span) {
                return new JoinKeys(null, null, null, false);
            }
            weights[k] = product;
            product *= span;
        }
        return new JoinKeys(lowest.clone(), highest.clone(), weights, true);
    }

    /** Whether equal keys of two rows mean all their key values are equal (no candidate needs checking). */
    boolean exact() {
        return exact;
    }

    /** The highest packed key a table row can have, the lowest being 0 (for {@link #packed} keys). */
    long highestPacked() {
        long packed = 0;
        for (int k = 0; k < weights.length; k++) {
            packed += (highest[k] - lowest[k]) * weights[k];
        }
        return packed;
    }

    /** Whether several keys are packed (their range is 0 .. {@link #highestPacked}). */
    boolean packed() {
        return exact && weights != null;
    }

    /** The key of each of the first {@code count} rows, from their values per key ({@code values[key][row]}). */
    long[] keys(long[][] values, int count) {
        if (values.length == 1) {
            return values[0];
        }
        long[] keys = new long[count];
        if (!exact) {
            for (long[] key : values) {
                for (int i = 0; i < count; i++) {
                    long mixed = (keys[i] ^ key[i]) * 0x9E3779B97F4A7C15L;
                    keys[i] = mixed ^ (mixed >>> 29);
                }
            }
            return keys;
        }
        for (int k = 0; k < values.length; k++) {
            long[] key = values[k];
            long low = lowest[k];
            long high = highest[k];
            long weight = weights[k];
            for (int i = 0; i < count; i++) {
                long value = key[i];
                if (value < low || value > high || keys[i] == ABSENT) {
                    keys[i] = ABSENT;
                } else {
                    keys[i] += (value - low) * weight;
                }
            }
        }
        return keys;
    }
}
