package io.glaux.quicksight.user;

import io.glaux.quicksight.QuickSightArns;
import io.glaux.quicksight.QuickSightException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Groups, their members, and what deleting a member or a group does. */
class GroupServiceTest {

    @TempDir
    Path data;

    private final QuickSightArns arns = new QuickSightArns("us-east-1", "123456789012");
    private UserService newUsers() {
        return new UserService(data.resolve("users"), IamIdentities.NONE, false);
    }

    private static Registration quickSightUser(String name) {
        return new Registration("QUICKSIGHT", name + "@example.com", "READER", null, null, name, null, Map.of());
    }

    @Test
    void membersJoinOnceLeaveAndAreListedBothWays() {
        UserService users = newUsers();
        GroupService groups = new GroupService(data.resolve("groups"), users, false);
        users.register(arns, quickSightUser("ann"));
        users.register(arns, quickSightUser("bob"));
        QuickSightGroup readers = groups.create(arns, "readers", "Dashboard readers");

        groups.addMember("readers", "ann");
        groups.addMember("readers", "ann");
        groups.addMember("readers", "bob");

        assertThat(readers.arn()).isEqualTo("arn:aws:quicksight:us-east-1:123456789012:group/default/readers");
        assertThat(groups.members("readers")).extracting(QuickSightUser::userName).containsExactly("ann", "bob");
        assertThat(groups.groupsOf("bob")).extracting(QuickSightGroup::name).containsExactly("readers");
        groups.removeMember("readers", "ann");
        assertThat(groups.members("readers")).extracting(QuickSightUser::userName).containsExactly("bob");
        assertThatThrownBy(() -> groups.member("readers", "ann")).isInstanceOfSatisfying(QuickSightException.class,
                e -> assertThat(e.kind()).isEqualTo(QuickSightException.Kind.NOT_FOUND));
    }

    @Test
    void aDeletedUserLeavesItsGroupsAndIsNotAMemberWhenRegisteredAgain() {
        UserService users = newUsers();
        GroupService groups = new GroupService(data.resolve("groups"), users, false);
        users.register(arns, quickSightUser("ann"));
        groups.create(arns, "readers", null);
        groups.addMember("readers", "ann");

        users.delete("ann");
        users.register(arns, quickSightUser("ann"));

        assertThat(groups.members("readers")).isEmpty();
        assertThat(new GroupService(data.resolve("groups"), newUsers(), false).get("readers").members()).isEmpty();
    }

    @Test
    void unknownGroupsAndUsersAndTakenNamesAreRefusedWithTheirResourceType() {
        UserService users = newUsers();
        GroupService groups = new GroupService(data.resolve("groups"), users, false);
        groups.create(arns, "readers", null);

        assertThatThrownBy(() -> groups.create(arns, "readers", null)).isInstanceOfSatisfying(
                QuickSightException.class, e -> assertThat(e.resourceType()).isEqualTo("GROUP"));
        assertThatThrownBy(() -> groups.addMember("readers", "nobody")).isInstanceOfSatisfying(
                QuickSightException.class, e -> assertThat(e.resourceType()).isEqualTo("USER"));
        assertThatThrownBy(() -> groups.addMember("writers", "nobody")).isInstanceOfSatisfying(
                QuickSightException.class, e -> assertThat(e.resourceType()).isEqualTo("GROUP"));
        assertThat(groups.update("readers", "now described").description()).isEqualTo("now described");
        groups.delete("readers");
        assertThat(groups.list()).isEmpty();
    }
}
