package io.glaux.quicksight.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A QuickSight group and the names of its member users.
 *
 * @param namespace always {@code default}
 * @param name the group's name
 * @param arn {@code arn:aws:quicksight:<region>:<account>:group/default/<name>}
 * @param description the description given, or null
 * @param principalId {@code group/<directory>/<uuid>}
 * @param members the member users' names, in the order they were added
 */
public record QuickSightGroup(String namespace, String name, String arn, String description, String principalId,
        List<String> members) {

    public QuickSightGroup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arn, "arn");
        members = members == null ? List.of() : List.copyOf(members);
    }

    public QuickSightGroup withDescription(String newDescription) {
        return new QuickSightGroup(namespace, name, arn, newDescription, principalId, members);
    }

    /** This group with {@code userName} among its members (once). */
    public QuickSightGroup withMember(String userName) {
        if (members.contains(userName)) {
            return this;
        }
        List<String> updated = new ArrayList<>(members);
        updated.add(userName);
        return new QuickSightGroup(namespace, name, arn, description, principalId, updated);
    }

    /** This group without {@code userName}. */
    public QuickSightGroup withoutMember(String userName) {
        List<String> updated = new ArrayList<>(members);
        updated.remove(userName);
        return new QuickSightGroup(namespace, name, arn, description, principalId, updated);
    }
}
