package io.glaux.iam.directory;

import java.util.Objects;

/** A tag on a user or role: a key and its value (empty when none). */
public record Tag(String key, String value) {

    public Tag {
        Objects.requireNonNull(key, "key");
        value = value == null ? "" : value;
    }
}
