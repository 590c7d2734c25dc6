package io.glaux.iam.api;

import io.glaux.aws.protocol.QueryInput;
import io.glaux.aws.protocol.QueryOperation;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.aws.protocol.ServiceError;
import io.glaux.aws.protocol.XmlAnswer;
import io.glaux.iam.Principal;
import io.glaux.iam.directory.AccessKey;
import io.glaux.iam.directory.IamDirectory;
import io.glaux.iam.directory.User;

import java.util.List;
import java.util.Map;

/** IAM's user and access key operations, and the user's tags and groups. */
final class UserOperations {

    private static final List<String> KEY_STATUS = List.of("Active", "Inactive", "Expired");

    private final IamDirectory directory;

    UserOperations(IamDirectory directory) {
        this.directory = directory;
    }

    void register(Map<String, QueryOperation> operations) {
        operations.put("CreateUser", (in, ctx) -> userAnswer(directory.createUser(in.requiredString("UserName", 1,
                64, IamMembers.NAME), IamMembers.path(in), IamMembers.tags(in), IamMembers.permissionsBoundary(in))));
        operations.put("GetUser", this::getUser);
        operations.put("ListUsers", (in, ctx) -> IamPage.write(in, directory.users(IamMembers.pathPrefix(in)),
                "Users", IamShapes::user));
        operations.put("UpdateUser", (in, ctx) -> {
            directory.updateUser(IamMembers.userName(in), in.string("NewUserName", 1, 64, IamMembers.NAME),
                    in.string("NewPath", 1, 512, IamMembers.PATH));
            return null;
        });
        operations.put("DeleteUser", (in, ctx) -> {
            directory.deleteUser(IamMembers.userName(in));
            return null;
        });
        operations.put("TagUser", (in, ctx) -> {
            directory.tagUser(IamMembers.userName(in), IamMembers.tags(in));
            return null;
        });
        operations.put("UntagUser", (in, ctx) -> {
            directory.untagUser(IamMembers.userName(in), IamMembers.tagKeys(in));
            return null;
        });
        operations.put("ListUserTags", (in, ctx) -> IamPage.write(in, directory.user(IamMembers.userName(in)).tags(),
                "Tags", IamShapes::tag));
        operations.put("ListGroupsForUser", (in, ctx) -> IamPage.write(in,
                directory.groupsForUser(IamMembers.userName(in)), "Groups", IamShapes::group));
        operations.put("CreateAccessKey", (in, ctx) -> new XmlAnswer().add("AccessKey", key(
                directory.createAccessKey(userOrCaller(in, ctx)), true)));
        operations.put("ListAccessKeys", (in, ctx) -> {
            String user = userOrCaller(in, ctx);
            XmlAnswer answer = IamPage.write(in, directory.accessKeys(user), "AccessKeyMetadata",
                    (xml, key) -> IamShapes.accessKey(xml, key, false));
            return answer;
        });
        operations.put("UpdateAccessKey", (in, ctx) -> {
            String keyId = accessKeyId(in);
            String status = in.enumValue("Status", KEY_STATUS);
            if (status == null) {
                throw QueryInput.validationError("1 validation error detected: Value null at 'status' failed to "
                        + "satisfy constraint: Member must not be null");
            }
            if (status.equals("Expired")) {
                throw new ServiceError(400, "InvalidInput", "Only Active and Inactive can be set.");
            }
            directory.updateAccessKey(keyUser(in, keyId, ctx), keyId, status);
            return null;
        });
        operations.put("DeleteAccessKey", (in, ctx) -> {
            String keyId = accessKeyId(in);
            directory.deleteAccessKey(keyUser(in, keyId, ctx), keyId);
            return null;
        });
    }

    private XmlAnswer getUser(QueryInput in, RequestContext context) {
        String name = in.string("UserName", 1, 128, IamMembers.NAME);
        if (name != null) {
            return userAnswer(directory.user(name));
        }
        Principal principal = context.principal();
        if (principal.type() == Principal.Type.USER) {
            return userAnswer(directory.user(principal.name()));
        }
        // The root user has no name, as IAM answers it.
        return new XmlAnswer().add("User", new XmlAnswer().add("UserId", principal.userId())
                .add("Arn", principal.arn()));
    }

    private static XmlAnswer userAnswer(User user) {
        XmlAnswer content = new XmlAnswer();
        IamShapes.user(content, user);
        IamShapes.permissionsBoundary(content, user.permissionsBoundary());
        return new XmlAnswer().add("User", content);
    }

    private static XmlAnswer key(AccessKey key, boolean withSecret) {
        XmlAnswer content = new XmlAnswer();
        IamShapes.accessKey(content, key, withSecret);
        return content;
    }

    private static String accessKeyId(QueryInput in) {
        return in.requiredString("AccessKeyId", 16, 128, IamMembers.ACCESS_KEY_ID);
    }

    /** The named user, or the calling user when none is named. */
    private String userOrCaller(QueryInput in, RequestContext context) {
        String name = in.string("UserName", 1, 128, IamMembers.NAME);
        if (name != null) {
            return name;
        }
        Principal principal = context.principal();
        if (principal.type() != Principal.Type.USER) {
            throw new ServiceError(400, "InvalidInput", "Name a user: the caller " + principal.arn()
                    + " is not an IAM user, and the root's access key is Glaux's configuration.");
        }
        return principal.name();
    }

    /** The named user, or the owner of the key when none is named. */
    private String keyUser(QueryInput in, String keyId, RequestContext context) {
        String name = in.string("UserName", 1, 128, IamMembers.NAME);
        if (name != null) {
            return name;
        }
        return directory.keyOwner(keyId).map(User::name)
                .orElseGet(() -> userOrCaller(in, context));
    }
}
