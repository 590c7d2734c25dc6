package io.glaux.sql.vector;

/**
 * The strings a string column's ids stand for, one at a time: what boxing a few groups or rows needs, without
 * decoding every value of a dictionary of a million (a {@link StringDictionary} decodes each id when first asked).
 */
public interface StringLookup {

    /** How many ids there are (0 to size - 1). */
    int size();

    /** The string id {@code id} stands for. */
    String value(int id);

    /** The values of an array, index = id. */
    static StringLookup of(String[] values) {
        return new StringLookup() {
            @Override
            public int size() {
                return values.length;
            }

            @Override
            public String value(int id) {
                return values[id];
            }
        };
    }
}
