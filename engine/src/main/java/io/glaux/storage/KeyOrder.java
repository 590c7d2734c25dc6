package io.glaux.storage;

import java.util.Comparator;

/**
 * S3's listing order: keys compared as UTF-8 bytes. Comparing code points gives the same order, whereas
 * {@link String#compareTo} differs for characters outside the BMP.
 */
final class KeyOrder {

    static final Comparator<String> UTF8 = KeyOrder::compare;

    private KeyOrder() {
    }

    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
