package io.glaux.iam.api;

import io.glaux.aws.protocol.QueryInput;
import io.glaux.aws.protocol.QueryOperation;
import io.glaux.iam.directory.EntityKind;
import io.glaux.iam.directory.IamDirectory;

import java.util.Map;

/**
 * The permissions boundaries of users and roles: Put/Delete{User,Role}PermissionsBoundary. A boundary is a managed
 * policy (customer or AWS managed); an unknown one is NoSuchEntity, as is deleting a boundary an entity does not
 * have. GetUser and GetRole report it; CreateUser and CreateRole may set it.
 */
final class BoundaryOperations {

    private final IamDirectory directory;

    BoundaryOperations(IamDirectory directory) {
        this.directory = directory;
    }

    void register(Map<String, QueryOperation> operations) {
        operations.put("PutUserPermissionsBoundary", (in, ctx) -> {
            directory.putPermissionsBoundary(EntityKind.USER, IamMembers.userName(in), required(in));
            return null;
        });
        operations.put("DeleteUserPermissionsBoundary", (in, ctx) -> {
            directory.deletePermissionsBoundary(EntityKind.USER, IamMembers.userName(in));
            return null;
        });
        operations.put("PutRolePermissionsBoundary", (in, ctx) -> {
            directory.putPermissionsBoundary(EntityKind.ROLE, IamMembers.roleName(in), required(in));
            return null;
        });
        operations.put("DeleteRolePermissionsBoundary", (in, ctx) -> {
            directory.deletePermissionsBoundary(EntityKind.ROLE, IamMembers.roleName(in));
            return null;
        });
    }

    private static String required(QueryInput in) {
        return in.requiredString(IamMembers.PERMISSIONS_BOUNDARY, 20, 2048, null);
    }
}
