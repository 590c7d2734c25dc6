package io.glaux.quicksight;

import java.util.List;
import java.util.Objects;

/** A principal (a QuickSight user or group ARN) and the actions it may take on a resource. */
public record ResourcePermission(String principal, List<String> actions) {

    public ResourcePermission {
        Objects.requireNonNull(principal, "principal");
        actions = List.copyOf(actions);
    }
}
