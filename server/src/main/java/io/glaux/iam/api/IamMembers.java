package io.glaux.iam.api;

import io.glaux.aws.protocol.QueryInput;
import io.glaux.iam.directory.Tag;

import java.util.List;
import java.util.regex.Pattern;

/** The IAM model's constraints on the members the operations read (lengths and patterns of its shapes). */
final class IamMembers {

    static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");
    static final Pattern PATH = Pattern.compile("(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
    static final Pattern PATH_PREFIX = Pattern.compile("\\u002F[\\u0021-\\u007F]*");
    static final Pattern POLICY_PATH = Pattern.compile("((/[A-Za-z0-9\\.,\\+@=_-]+)*)/");
    static final Pattern DOCUMENT = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
    static final Pattern ACCESS_KEY_ID = Pattern.compile("[\\w]+");
    static final Pattern VERSION_ID = Pattern.compile("v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?");
    static final Pattern TAG_KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");
    static final Pattern TAG_VALUE = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    /** The member naming a permissions boundary in CreateUser, CreateRole and Put*PermissionsBoundary. */
    static final String PERMISSIONS_BOUNDARY = "PermissionsBoundary";
    static final Pattern ROLE_DESCRIPTION = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*");

    private IamMembers() {
    }

    static String userName(QueryInput in) {
        return in.requiredString("UserName", 1, 128, NAME);
    }

    static String groupName(QueryInput in) {
        return in.requiredString("GroupName", 1, 128, NAME);
    }

    static String roleName(QueryInput in) {
        return in.requiredString("RoleName", 1, 64, NAME);
    }

    static String policyName(QueryInput in) {
        return in.requiredString("PolicyName", 1, 128, NAME);
    }

    static String policyArn(QueryInput in) {
        return in.requiredString("PolicyArn", 20, 2048, null);
    }

    static String document(QueryInput in, String member) {
        return in.requiredString(member, 1, 131072, DOCUMENT);
    }

    /** The optional permissions boundary of CreateUser and CreateRole: a managed policy's ARN. */
    static String permissionsBoundary(QueryInput in) {
        return in.string(PERMISSIONS_BOUNDARY, 20, 2048, null);
    }

    static String path(QueryInput in) {
        return in.string("Path", 1, 512, PATH);
    }

    static String pathPrefix(QueryInput in) {
        return in.string("PathPrefix", 1, 512, PATH_PREFIX);
    }

    static List<Tag> tags(QueryInput in) {
        return in.structures("Tags", 50).stream().map(tag -> new Tag(tag.requiredString("Key", 1, 128, TAG_KEY),
                tag.requiredString("Value", 0, 256, TAG_VALUE))).toList();
    }

    static List<String> tagKeys(QueryInput in) {
        return in.strings("TagKeys", 50, 1, 128, TAG_KEY);
    }
}
