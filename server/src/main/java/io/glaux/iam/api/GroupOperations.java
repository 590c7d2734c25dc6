package io.glaux.iam.api;

import io.glaux.aws.protocol.QueryOperation;
import io.glaux.aws.protocol.XmlAnswer;
import io.glaux.iam.directory.Group;
import io.glaux.iam.directory.IamDirectory;

import java.util.Map;

/** IAM's group operations and group membership. */
final class GroupOperations {

    private final IamDirectory directory;

    GroupOperations(IamDirectory directory) {
        this.directory = directory;
    }

    void register(Map<String, QueryOperation> operations) {
        operations.put("CreateGroup", (in, ctx) -> groupAnswer(new XmlAnswer(),
                directory.createGroup(IamMembers.groupName(in), IamMembers.path(in))));
        operations.put("GetGroup", (in, ctx) -> {
            String name = IamMembers.groupName(in);
            Group group = directory.group(name);
            return groupAnswer(IamPage.write(in, directory.usersInGroup(name), "Users", IamShapes::user), group);
        });
        operations.put("ListGroups", (in, ctx) -> IamPage.write(in, directory.groups(IamMembers.pathPrefix(in)),
                "Groups", IamShapes::group));
        operations.put("DeleteGroup", (in, ctx) -> {
            directory.deleteGroup(IamMembers.groupName(in));
            return null;
        });
        operations.put("AddUserToGroup", (in, ctx) -> {
            directory.addUserToGroup(IamMembers.groupName(in), IamMembers.userName(in));
            return null;
        });
        operations.put("RemoveUserFromGroup", (in, ctx) -> {
            directory.removeUserFromGroup(IamMembers.groupName(in), IamMembers.userName(in));
            return null;
        });
    }

    private static XmlAnswer groupAnswer(XmlAnswer answer, Group group) {
        XmlAnswer content = new XmlAnswer();
        IamShapes.group(content, group);
        return answer.add("Group", content);
    }
}
