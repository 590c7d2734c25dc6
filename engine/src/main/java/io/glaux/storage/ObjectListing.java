package io.glaux.storage;

import java.util.List;
import java.util.Optional;

/** One page of a listing; {@code nextContinuationToken} is empty on the last page. */
public record ObjectListing(List<ObjectInfo> objects, Optional<String> nextContinuationToken) {

    public ObjectListing {
        objects = List.copyOf(objects);
    }
}
