package io.glaux.quicksight.user;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.iam.AccessRequest;
import io.glaux.iam.policy.PolicyDocument;
import io.glaux.iam.policy.ResourcePolicies;
import io.glaux.iam.policy.ResourcePolicy;
import io.glaux.quicksight.ResourcePermission;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A QuickSight resource's stored permissions (Create*, Update*Permissions) as the resource policy of the
 * {@code quicksight:} requests on it: each permission becomes a statement allowing its actions on the resource to the
 * IAM identities its principal stands for ({@link QuickSightPrincipals}). Combined with identity policies in
 * {@link ResourcePolicy.Mode#UNION}, as QuickSight's sharing works: an identity policy or the resource's permissions
 * may allow a call, and an explicit deny in an identity policy still wins. Principals that are no longer registered
 * and actions that are not {@code quicksight:} actions grant nothing. The server puts it in
 * {@code ResourcePolicies.byService} under {@code "quicksight"}.
 */
public final class PermissionGrants implements ResourcePolicies {

    private static final Pattern ACTION = Pattern.compile("^quicksight:[A-Za-z*?]+$");

    private final ObjectMapper json = new ObjectMapper();
    private final Function<String, Optional<List<ResourcePermission>>> resources;
    private final QuickSightPrincipals principals;

    /**
     * @param resources the stored permissions of the resource an ARN names, empty when it names none
     *     ({@link io.glaux.quicksight.SharedResources#permissionsOf})
     */
    public PermissionGrants(Function<String, Optional<List<ResourcePermission>>> resources,
            QuickSightPrincipals principals) {
        this.resources = resources;
        this.principals = principals;
    }

    @Override
    public Optional<ResourcePolicy> of(AccessRequest request) {
        String arn = request.resource();
        return resources.apply(arn).flatMap(permissions -> policy(arn, permissions))
                .map(document -> new ResourcePolicy("the permissions of " + arn, document, ResourcePolicy.Mode.UNION));
    }

    /** The policy the permissions make, or empty when they grant no IAM identity anything. */
    private Optional<PolicyDocument> policy(String arn, List<ResourcePermission> permissions) {
        ObjectNode policy = json.createObjectNode();
        policy.put("Version", PolicyDocument.VERSION_2012_10_17);
        ArrayNode statements = policy.putArray("Statement");
        for (ResourcePermission permission : permissions) {
            List<String> identities = principals.iamPrincipals(permission.principal());
            List<String> actions = permission.actions().stream().filter(a -> ACTION.matcher(a).matches()).toList();
            if (identities.isEmpty() || actions.isEmpty()) {
                continue;
            }
            ObjectNode statement = statements.addObject();
            statement.put("Sid", "Permission" + statements.size());
            statement.put("Effect", "Allow");
            identities.forEach(statement.putObject("Principal").putArray("AWS")::add);
            actions.forEach(statement.putArray("Action")::add);
            statement.put("Resource", arn);
        }
        return statements.isEmpty() ? Optional.empty()
                : Optional.of(PolicyDocument.parse(policy.toString(), PolicyDocument.Kind.RESOURCE));
    }
}
