package io.glaux.iam.api;

import io.glaux.aws.protocol.QueryInput;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.iam.AccessRequest;
import io.glaux.iam.Authorizer;
import io.glaux.iam.Principal;
import io.glaux.iam.directory.EntityKind;
import io.glaux.iam.directory.IamDirectory;
import io.glaux.iam.directory.IamException;
import io.glaux.iam.directory.User;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which permission each IAM action needs, as AWS's Service Authorization Reference lists it: {@code iam:<Action>}
 * on the ARN of the entity it acts on, in this order: the group (GroupName: AddUserToGroup is the group's), the role
 * (RoleName), the user (UserName, or for the access key and GetUser actions the caller, or the key's owner), else
 * the policy (PolicyArn, or for CreatePolicy the new policy's ARN). The List actions without an entity are asked on
 * the path they list ({@code arn:aws:iam::<account>:user/} for ListUsers, as IAM names it in a refusal). The
 * Attach/Detach actions carry {@code iam:PolicyARN}. {@code iam:PermissionsBoundary} is, as the Service
 * Authorization Reference lists it, the boundary a call sets (CreateUser, CreateRole, Put*PermissionsBoundary), or
 * the one the user or role has when a call changes its permissions (Delete*PermissionsBoundary and the
 * Attach/Detach/Put/Delete policy calls of users and roles), so that an administrator can be allowed to manage only
 * entities within a boundary. An entity that does not exist yet (or any more) is named by the ARN it would have;
 * the action then answers NoSuchEntity or creates it.
 */
final class IamAuthorization {

    private static final Set<String> SETS_BOUNDARY = Set.of("CreateUser", "CreateRole",
            "PutUserPermissionsBoundary", "PutRolePermissionsBoundary");
    private static final Set<String> CHANGES_PERMISSIONS_OF_BOUNDED = Set.of("DeleteUserPermissionsBoundary",
            "DeleteRolePermissionsBoundary", "AttachUserPolicy", "DetachUserPolicy", "PutUserPolicy",
            "DeleteUserPolicy", "AttachRolePolicy", "DetachRolePolicy", "PutRolePolicy", "DeleteRolePolicy");
    private static final Map<String, String> LISTED_PATHS = Map.of("ListUsers", "user", "ListGroups", "group",
            "ListRoles", "role", "ListPolicies", "policy");

    private final IamDirectory directory;
    private final Authorizer authorizer;

    IamAuthorization(IamDirectory directory, Authorizer authorizer) {
        this.directory = directory;
        this.authorizer = authorizer;
    }

    void authorize(String action, QueryInput in, RequestContext context) {
        Map<String, List<String>> keys = new HashMap<>(context.globalKeys());
        if ((action.startsWith("Attach") || action.startsWith("Detach")) && in.has("PolicyArn")) {
            keys.put("iam:PolicyARN", List.of(in.string("PolicyArn", 0, Integer.MAX_VALUE, null)));
        }
        permissionsBoundaryKey(action, in).ifPresent(arn -> keys.put("iam:PermissionsBoundary", List.of(arn)));
        authorizer.check(new AccessRequest(context.principal(), "iam:" + action, resource(action, in, context),
                keys));
    }

    /** The value of {@code iam:PermissionsBoundary} for {@code action}, if it has one. */
    private Optional<String> permissionsBoundaryKey(String action, QueryInput in) {
        if (SETS_BOUNDARY.contains(action)) {
            return Optional.ofNullable(in.string(IamMembers.PERMISSIONS_BOUNDARY, 0, Integer.MAX_VALUE, null));
        }
        if (!CHANGES_PERMISSIONS_OF_BOUNDED.contains(action)) {
            return Optional.empty();
        }
        EntityKind kind = action.contains("Role") ? EntityKind.ROLE : EntityKind.USER;
        String name = in.string(kind == EntityKind.ROLE ? "RoleName" : "UserName", 0, Integer.MAX_VALUE, null);
        try {
            return name == null ? Optional.empty() : directory.permissionsBoundary(kind, name);
        } catch (IamException e) {
            return Optional.empty(); // the action answers NoSuchEntity
        }
    }

    /** The ARN {@code action} is asked on. */
    String resource(String action, QueryInput in, RequestContext context) {
        String account = directory.accountId();
        String listed = LISTED_PATHS.get(action);
        if (listed != null) {
            String prefix = in.string("PathPrefix", 0, Integer.MAX_VALUE, null);
            return arn(account, listed, prefix == null ? "/" : prefix, "");
        }
        String group = in.string("GroupName", 0, Integer.MAX_VALUE, null);
        if (group != null) {
            return existing(() -> directory.group(group).arn(), arn(account, "group", in, group));
        }
        String role = in.string("RoleName", 0, Integer.MAX_VALUE, null);
        if (role != null) {
            return existing(() -> directory.role(role).arn(), arn(account, "role", in, role));
        }
        String user = in.string("UserName", 0, Integer.MAX_VALUE, null);
        if (user != null) {
            return existing(() -> directory.user(user).arn(), arn(account, "user", in, user));
        }
        if (action.equals("CreatePolicy")) {
            return arn(account, "policy", in, in.string("PolicyName", 0, Integer.MAX_VALUE, null));
        }
        String policy = in.string("PolicyArn", 0, Integer.MAX_VALUE, null);
        if (policy != null) {
            return policy;
        }
        if (action.equals("UpdateAccessKey") || action.equals("DeleteAccessKey")) {
            String keyId = in.string("AccessKeyId", 0, Integer.MAX_VALUE, null);
            if (keyId != null) {
                return directory.keyOwner(keyId).map(User::arn).orElse(callerArn(context.principal()));
            }
        }
        return callerArn(context.principal());
    }

    /** The user an action without a UserName acts on: the calling user (or root); for a role session, its role. */
    private static String callerArn(Principal principal) {
        return principal.identityArn();
    }

    private static String arn(String account, String type, QueryInput in, String name) {
        String path = in.string("Path", 0, Integer.MAX_VALUE, null);
        return arn(account, type, path == null ? "/" : path, name == null ? "" : name);
    }

    private static String arn(String account, String type, String path, String name) {
        return "arn:aws:iam::" + account + ":" + type + path + name;
    }

    private static String existing(Supplier<String> arn, String otherwise) {
        try {
            return arn.get();
        } catch (IamException e) {
            return otherwise;
        }
    }
}
