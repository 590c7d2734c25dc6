package io.glaux.storage;

/**
 * What a listing asks for: keys under {@code prefix} (null or empty: all), rolled up at {@code delimiter} after the
 * prefix (null or empty: no roll-up), sorting after {@code startAfter} (null: from the start), at most
 * {@code maxKeys} entries (objects and common prefixes together, 1..1000), and whether each object's ETag is needed
 * (S3 listings show it; the engine's scans do not, and on the embedded store it costs a read per object).
 */
public record ListRequest(String prefix, String delimiter, String startAfter, int maxKeys, boolean etags) {

    public ListRequest {
        ListingPages.checkMaxKeys(maxKeys);
        prefix = prefix == null ? "" : prefix;
        delimiter = delimiter == null || delimiter.isEmpty() ? null : delimiter;
        ObjectKeys.validatePrefix(prefix);
    }

    /** A listing as S3 answers it, ETags included. */
    public ListRequest(String prefix, String delimiter, String startAfter, int maxKeys) {
        this(prefix, delimiter, startAfter, maxKeys, true);
    }

    /** Every key under {@code prefix}, recursively, without ETags: what a scan needs. */
    public static ListRequest under(String prefix, String startAfter, int maxKeys) {
        return new ListRequest(prefix, null, startAfter, maxKeys, false);
    }
}
