package io.glaux.quicksight.user;

import io.glaux.quicksight.QuickSightArns;
import io.glaux.quicksight.QuickSightException;
import io.glaux.quicksight.ResourceFiles;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * QuickSight's groups in the {@code default} namespace and their members: CreateGroup, DescribeGroup, ListGroups,
 * UpdateGroup, DeleteGroup, Create/Describe/DeleteGroupMembership, ListGroupMemberships and ListUserGroups, each
 * group (with its members' names) in its own file under {@code .glaux/quicksight/groups/}. A deleted user leaves
 * every group.
 */
public final class GroupService {

    public static final String RESOURCE_TYPE = "GROUP";

    private final ResourceFiles<QuickSightGroup> groups;
    private final UserService users;

    public GroupService(Path folder, UserService users, boolean syncWrites) {
        this.groups = new ResourceFiles<>(folder, QuickSightGroup.class, QuickSightGroup::name, syncWrites);
        this.users = users;
        users.onDelete(user -> removeEverywhere(user.userName()));
    }

    /** CreateGroup in {@code arns}' account. */
    public synchronized QuickSightGroup create(QuickSightArns arns, String name, String description) {
        if (groups.find(name).isPresent()) {
            throw QuickSightException.exists(RESOURCE_TYPE, "The group " + name + " already exists in namespace "
                    + Namespaces.DEFAULT + ".");
        }
        return groups.saved(new QuickSightGroup(Namespaces.DEFAULT, name, arns.of("group", Namespaces.DEFAULT + "/"
                + name), description, Directories.newPrincipalId("group", arns.accountId()), List.of()));
    }

    public Optional<QuickSightGroup> find(String name) {
        return groups.find(name);
    }

    /** The group {@code name}; ResourceNotFoundException (GROUP) when there is none. */
    public QuickSightGroup get(String name) {
        return find(name).orElseThrow(() -> QuickSightException.notFound(RESOURCE_TYPE, "The group " + name
                + " does not exist in namespace " + Namespaces.DEFAULT + "."));
    }

    /** The group whose ARN is {@code arn}, if there is one. */
    public Optional<QuickSightGroup> findByArn(String arn) {
        return groups.list().stream().filter(g -> g.arn().equals(arn)).findFirst();
    }

    /** Every group, by name. */
    public List<QuickSightGroup> list() {
        return groups.list();
    }

    /** UpdateGroup: its description (null removes it). */
    public synchronized QuickSightGroup update(String name, String description) {
        return groups.saved(get(name).withDescription(description));
    }

    public synchronized QuickSightGroup delete(String name) {
        QuickSightGroup group = get(name);
        groups.delete(name);
        return group;
    }

    /** CreateGroupMembership: the user joins the group (again is no change); returns the member. */
    public synchronized QuickSightUser addMember(String groupName, String userName) {
        QuickSightGroup group = get(groupName);
        QuickSightUser user = users.get(userName);
        groups.save(group.withMember(userName));
        return user;
    }

    /** DescribeGroupMembership: the member, or ResourceNotFoundException (USER) when the user is not one. */
    public QuickSightUser member(String groupName, String userName) {
        QuickSightGroup group = get(groupName);
        if (!group.members().contains(userName)) {
            throw QuickSightException.notFound(UserService.RESOURCE_TYPE, "The user " + userName
                    + " is not a member of the group " + groupName + ".");
        }
        return users.get(userName);
    }

    /** DeleteGroupMembership: the user leaves the group; ResourceNotFoundException when it is not a member. */
    public synchronized void removeMember(String groupName, String userName) {
        QuickSightGroup group = get(groupName);
        member(groupName, userName);
        groups.save(group.withoutMember(userName));
    }

    /** ListGroupMemberships: the group's members that are still registered, in the order they joined. */
    public List<QuickSightUser> members(String groupName) {
        return get(groupName).members().stream().map(users::find).flatMap(Optional::stream).toList();
    }

    /** ListUserGroups: the groups the user is a member of, by name. */
    public List<QuickSightGroup> groupsOf(String userName) {
        users.get(userName);
        return groups.list().stream().filter(g -> g.members().contains(userName)).toList();
    }

    private synchronized void removeEverywhere(String userName) {
        for (QuickSightGroup group : groups.list()) {
            if (group.members().contains(userName)) {
                groups.save(group.withoutMember(userName));
            }
        }
    }
}
