package io.glaux.quicksight.api;

import io.glaux.aws.protocol.JsonInput;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.aws.protocol.RestRequest;
import io.glaux.quicksight.ResourcePermission;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Members QuickSight's operations share, read with the model's constraints. */
final class QuickSightInput {

    private static final Pattern ACCOUNT_ID = Pattern.compile("^[0-9]{12}$");

    private QuickSightInput() {
    }

    /**
     * The {@code AwsAccountId} label: 12 digits, and the account Glaux plays (another account is
     * AccessDeniedException, as QuickSight answers a caller without access to it).
     */
    static String account(RestRequest request, RequestContext context) {
        String account = request.label("AwsAccountId", 12, 12, ACCOUNT_ID);
        if (!account.equals(context.accountId())) {
            throw QuickSightErrors.accessDenied("User: " + context.principalArn() + " is not authorized to access"
                    + " AWS account " + account + " in QuickSight (Glaux plays account " + context.accountId() + ").");
        }
        return account;
    }

    /** A ResourceId label or member: any non-empty text QuickSight accepts as an id. */
    static String resourceId(RestRequest request, String label) {
        return request.label(label, 1, 512, null);
    }

    /** An optional ResourcePermissionList (1 to 64 entries of Principal and 1 to 20 Actions). */
    static List<ResourcePermission> permissions(JsonInput body, String member) {
        List<ResourcePermission> permissions = new ArrayList<>();
        if (!body.has(member)) {
            return permissions;
        }
        List<JsonInput> items = body.objects(member, 64);
        if (items.isEmpty()) {
            throw body.violation("[]", member, "Member must have length greater than or equal to 1");
        }
        for (JsonInput item : items) {
            String principal = item.requiredString("Principal", 1, 256);
            List<String> actions = item.strings("Actions", 1, 20, 1, 256);
            if (actions == null) {
                throw item.violation(null, "Actions", "Member must not be null");
            }
            permissions.add(new ResourcePermission(principal, actions));
        }
        return permissions;
    }

    /** An optional TagList (1 to 200 Key/Value pairs). */
    static Map<String, String> tags(JsonInput body, String member) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (!body.has(member)) {
            return tags;
        }
        List<JsonInput> items = body.objects(member, 200);
        if (items.isEmpty()) {
            throw body.violation("[]", member, "Member must have length greater than or equal to 1");
        }
        for (JsonInput item : items) {
            tags.put(item.requiredString("Key", 1, 128), item.requiredString("Value", 1, 256));
        }
        return tags;
    }

    /** A required member whose value must be one of {@code allowed}. */
    static String requiredEnum(JsonInput body, String member, List<String> allowed) {
        return checkedEnum(body, member, body.requiredString(member, 1, 256), allowed);
    }

    /** An optional member whose value, when given, must be one of {@code allowed}; null when absent. */
    static String optionalEnum(JsonInput body, String member, List<String> allowed) {
        String value = body.string(member, 1, 256);
        return value == null ? null : checkedEnum(body, member, value, allowed);
    }

    private static String checkedEnum(JsonInput body, String member, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw body.violation(value, member, "Member must satisfy enum value set: " + allowed);
        }
        return value;
    }
}
