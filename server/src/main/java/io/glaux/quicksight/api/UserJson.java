package io.glaux.quicksight.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.AwsJson;
import io.glaux.aws.protocol.JsonInput;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.aws.protocol.RestRequest;
import io.glaux.quicksight.user.Namespaces;
import io.glaux.quicksight.user.QuickSightGroup;
import io.glaux.quicksight.user.QuickSightUser;

import java.util.regex.Pattern;

/**
 * What the user and group operations share: their labels read with the model's constraints (Namespace, UserName,
 * GroupName, MemberName) and the User, Group and GroupMember structures they answer with.
 */
final class UserJson {

    private static final Pattern NAMESPACE = Pattern.compile("^[a-zA-Z0-9._-]*$");
    /** UserName, GroupName, GroupMemberName. */
    static final Pattern NAME = Pattern.compile("[\\u0020-\\u00FF]+");

    private UserJson() {
    }

    /** The Namespace label: the model's pattern, and {@code default} (another is ResourceNotFoundException). */
    static String namespace(RestRequest request, RequestContext context) {
        return Namespaces.require(request.label("Namespace", 0, 64, NAMESPACE), context.accountId());
    }

    /** A UserName or GroupName label. */
    static String name(RestRequest request, String label) {
        return request.label(label, 1, Integer.MAX_VALUE, NAME);
    }

    /** A UserName or GroupName member of the body, required. */
    static String requiredName(JsonInput body, String member) {
        return body.requiredString(member, 1, Integer.MAX_VALUE, NAME);
    }

    static ObjectNode user(QuickSightUser user) {
        ObjectNode node = AwsJson.object();
        node.put("Arn", user.arn());
        node.put("UserName", user.userName());
        AwsJson.putString(node, "Email", user.email());
        AwsJson.putString(node, "Role", user.role());
        node.put("IdentityType", user.identityType());
        node.put("Active", user.active());
        node.put("PrincipalId", user.principalId());
        AwsJson.putString(node, "CustomPermissionsName", user.customPermissionsName());
        return node;
    }

    static ObjectNode group(QuickSightGroup group) {
        ObjectNode node = AwsJson.object();
        node.put("Arn", group.arn());
        node.put("GroupName", group.name());
        AwsJson.putString(node, "Description", group.description());
        node.put("PrincipalId", group.principalId());
        return node;
    }

    static ObjectNode member(QuickSightUser user) {
        ObjectNode node = AwsJson.object();
        node.put("Arn", user.arn());
        node.put("MemberName", user.userName());
        return node;
    }
}
