package io.glaux.storage;

/** An object as a HEAD request sees it: size, time stamp and ETag, and the metadata it was written with. */
public record StoredObject(ObjectInfo info, ObjectMetadata metadata) {
}
