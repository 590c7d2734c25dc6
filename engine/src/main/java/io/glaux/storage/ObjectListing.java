package io.glaux.storage;

import java.util.List;
import java.util.Optional;

/**
 * One page of a listing: objects and (with a delimiter) common prefixes, each in key order.
 * {@code nextStartAfter} is the last entry of a truncated page (key or common prefix), empty on the last page.
 */
public record ObjectListing(List<ObjectInfo> objects, List<String> commonPrefixes, Optional<String> nextStartAfter) {

    public ObjectListing {
        objects = List.copyOf(objects);
        commonPrefixes = List.copyOf(commonPrefixes);
    }

    /** A page without common prefixes. */
    public ObjectListing(List<ObjectInfo> objects, Optional<String> nextStartAfter) {
        this(objects, List.of(), nextStartAfter);
    }

    public boolean truncated() {
        return nextStartAfter.isPresent();
    }

    /** An opaque token for {@link ObjectStore#list(String, String, String, int)}'s next page. */
    public Optional<String> nextContinuationToken() {
        return nextStartAfter.map(ListingPages::tokenAfter);
    }
}
