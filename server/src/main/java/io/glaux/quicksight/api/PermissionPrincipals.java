package io.glaux.quicksight.api;

import io.glaux.aws.protocol.JsonInput;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.quicksight.ResourcePermission;
import io.glaux.quicksight.user.QuickSightPrincipals;

import java.util.List;

/**
 * The permissions a Create* call or an Update*Permissions grant gives, read with the model's constraints and refused,
 * as QuickSight refuses them, when a principal is not a registered user or group of the caller's account (or its
 * {@code default} namespace): InvalidParameterValueException "One or more principals in resource permissions list
 * are not valid QuickSight users", naming them. Revokes are not checked, so that a deleted user's permissions can
 * still be taken away.
 */
final class PermissionPrincipals {

    private final QuickSightPrincipals principals;

    PermissionPrincipals(QuickSightPrincipals principals) {
        this.principals = principals;
    }

    /** The optional permissions list {@code member}, every principal of it registered. */
    List<ResourcePermission> granted(JsonInput body, String member, RequestContext context) {
        List<ResourcePermission> permissions = QuickSightInput.permissions(body, member);
        List<String> unknown = permissions.stream().map(ResourcePermission::principal)
                .filter(principal -> !principals.registered(principal, context.accountId())).distinct().toList();
        if (!unknown.isEmpty()) {
            throw QuickSightErrors.invalidParameter("One or more principals in resource permissions list are not"
                    + " valid QuickSight users: " + String.join(", ", unknown) + " (register them with RegisterUser"
                    + " or CreateGroup first).");
        }
        return permissions;
    }
}
