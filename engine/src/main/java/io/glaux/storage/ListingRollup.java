package io.glaux.storage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One page of a listing from objects in key order, as S3 pages it: keys that hold the delimiter after the prefix
 * become one common prefix each, an entry counts towards max-keys whether object or prefix, and only entries after
 * start-after are returned. Stores that walk their own keys share it.
 */
final class ListingRollup {

    private ListingRollup() {
    }

    static ObjectListing page(KeySource source, ListRequest request) throws IOException {
        List<ObjectInfo> objects = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String last = null;
        String startAfter = request.startAfter();
        String delimiter = request.delimiter();
        int prefixLength = request.prefix().length();
        while (true) {
            ObjectInfo object = source.next();
            if (object == null) {
                return new ObjectListing(objects, prefixes, Optional.empty());
            }
            String entry = object.key();
            boolean rolledUp = false;
            if (delimiter != null) {
                int at = entry.indexOf(delimiter, prefixLength);
                if (at >= 0) {
                    entry = entry.substring(0, at + delimiter.length());
                    source.skip(entry);
                    rolledUp = true;
                }
            }
            if (startAfter != null && KeyOrder.compare(entry, startAfter) <= 0) {
                continue;
            }
            if (objects.size() + prefixes.size() == request.maxKeys()) {
                return new ObjectListing(objects, prefixes, Optional.of(last));
            }
            if (rolledUp) {
                prefixes.add(entry);
            } else {
                objects.add(object);
            }
            last = entry;
        }
    }
}
