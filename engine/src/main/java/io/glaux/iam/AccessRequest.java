package io.glaux.iam;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One question for the {@link Authorizer}: may {@code principal} perform {@code action} on {@code resource}?
 *
 * @param principal who asks
 * @param action the IAM action, {@code <service>:<Operation>} ({@code athena:StartQueryExecution})
 * @param resource the resource's ARN ({@code arn:aws:s3:::results/q.csv}), or {@code *} for an action that has
 *     none (such as {@code athena:ListWorkGroups} or {@code sts:GetCallerIdentity})
 * @param context the request's condition keys and their values ({@code aws:SourceIp}, {@code s3:prefix},
 *     {@code kms:EncryptionContext:aws:s3:arn}, ...); the principal's own keys ({@code aws:PrincipalArn},
 *     {@code aws:username}, ...) are added by the evaluation
 */
public record AccessRequest(Principal principal, String action, String resource, Map<String, List<String>> context) {

    public AccessRequest {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        context = context == null ? Map.of() : Map.copyOf(context);
    }

    public AccessRequest(Principal principal, String action, String resource) {
        this(principal, action, resource, Map.of());
    }

    /** The service prefix of the action ({@code s3} for {@code s3:GetObject}). */
    public String service() {
        int colon = action.indexOf(':');
        return colon < 0 ? action : action.substring(0, colon);
    }

    /** This request with one more condition key. */
    public AccessRequest with(String key, String... values) {
        java.util.HashMap<String, List<String>> more = new java.util.HashMap<>(context);
        more.put(key, List.of(values));
        return new AccessRequest(principal, action, resource, more);
    }
}
