package io.glaux.storage;

/**
 * What a listing asks for: keys under {@code prefix} (null or empty: all), rolled up at {@code delimiter} after the
 * prefix (null or empty: no roll-up), sorting after {@code startAfter} (null: from the start), at most
 * {@code maxKeys} entries (objects and common prefixes together, 1..1000).
 */
public record ListRequest(String prefix, String delimiter, String startAfter, int maxKeys) {

    public ListRequest {
        ListingPages.checkMaxKeys(maxKeys);
        prefix = prefix == null ? "" : prefix;
        delimiter = delimiter == null || delimiter.isEmpty() ? null : delimiter;
        if (!prefix.isEmpty()) {
            ObjectKeys.validatePrefix(prefix);
        }
    }

    /** Every key under {@code prefix}, recursively. */
    public static ListRequest under(String prefix, int maxKeys) {
        return new ListRequest(prefix, null, null, maxKeys);
    }
}
