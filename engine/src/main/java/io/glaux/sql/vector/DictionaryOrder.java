package io.glaux.sql.vector;

import java.util.Arrays;

/** The string order of a dictionary's entries, so string comparisons become int comparisons of ranks. */
final class DictionaryOrder {

    private DictionaryOrder() {
    }

    /** {@code ranks[id]} = the position of entry {@code id} when all entries are sorted. */
    static int[] ranks(String[] dictionary) {
        Integer[] order = new Integer[dictionary.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> dictionary[a].compareTo(dictionary[b]));
        int[] rank = new int[dictionary.length];
        for (int position = 0; position < order.length; position++) {
            rank[order[position]] = position;
        }
        return rank;
    }
}
