package io.glaux.iam.directory;

import java.util.List;

/** The users, groups and roles a managed policy is attached to (ListEntitiesForPolicy). */
public record PolicyEntities(List<User> users, List<Group> groups, List<Role> roles) {

    public PolicyEntities {
        users = List.copyOf(users);
        groups = List.copyOf(groups);
        roles = List.copyOf(roles);
    }
}
