package io.glaux.iam.api;

import io.glaux.aws.protocol.QueryOperation;
import io.glaux.aws.protocol.XmlAnswer;
import io.glaux.iam.directory.IamDirectory;
import io.glaux.iam.directory.Role;

import java.util.Map;

/** IAM's role operations, the trust policy and the role's tags. */
final class RoleOperations {

    private final IamDirectory directory;

    RoleOperations(IamDirectory directory) {
        this.directory = directory;
    }

    void register(Map<String, QueryOperation> operations) {
        operations.put("CreateRole", (in, ctx) -> roleAnswer(directory.createRole(IamMembers.roleName(in),
                IamMembers.path(in), IamMembers.document(in, "AssumeRolePolicyDocument"),
                in.string("Description", 0, 1000, IamMembers.ROLE_DESCRIPTION),
                in.integer("MaxSessionDuration", 3600, 43200), IamMembers.tags(in),
                IamMembers.permissionsBoundary(in))));
        operations.put("GetRole", (in, ctx) -> roleAnswer(directory.role(IamMembers.roleName(in))));
        operations.put("ListRoles", (in, ctx) -> IamPage.write(in, directory.roles(IamMembers.pathPrefix(in)),
                "Roles", IamShapes::role));
        operations.put("UpdateRole", (in, ctx) -> {
            directory.updateRole(IamMembers.roleName(in),
                    in.string("Description", 0, 1000, IamMembers.ROLE_DESCRIPTION),
                    in.integer("MaxSessionDuration", 3600, 43200));
            return new XmlAnswer();
        });
        operations.put("DeleteRole", (in, ctx) -> {
            directory.deleteRole(IamMembers.roleName(in));
            return null;
        });
        operations.put("UpdateAssumeRolePolicy", (in, ctx) -> {
            directory.updateAssumeRolePolicy(IamMembers.roleName(in), IamMembers.document(in, "PolicyDocument"));
            return null;
        });
        operations.put("TagRole", (in, ctx) -> {
            directory.tagRole(IamMembers.roleName(in), IamMembers.tags(in));
            return null;
        });
        operations.put("UntagRole", (in, ctx) -> {
            directory.untagRole(IamMembers.roleName(in), IamMembers.tagKeys(in));
            return null;
        });
        operations.put("ListRoleTags", (in, ctx) -> IamPage.write(in, directory.role(IamMembers.roleName(in)).tags(),
                "Tags", IamShapes::tag));
    }

    private static XmlAnswer roleAnswer(Role role) {
        XmlAnswer content = new XmlAnswer();
        IamShapes.role(content, role);
        IamShapes.permissionsBoundary(content, role.permissionsBoundary());
        return new XmlAnswer().add("Role", content);
    }
}
