package io.glaux.quicksight.role;

import io.glaux.iam.AccessRequest;
import io.glaux.iam.Authorizer;
import io.glaux.iam.Decision;
import io.glaux.iam.Principal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What QuickSight's service role may do, read back from whatever policies the role has (whoever attached them),
 * evaluated by AWS's rules even when IAM is not enforced: Athena (listing workgroups, and per workgroup
 * {@code athena:GetWorkGroup} and {@code athena:StartQueryExecution}), each bucket ({@code s3:ListBucket},
 * {@code s3:GetObject}, {@code s3:PutObject}), each Lambda function ({@code lambda:InvokeFunction}) and each KMS key
 * ({@code kms:Decrypt}, {@code kms:GenerateDataKey}, asked as S3 asks KMS for the role, so the key policy takes
 * part), each with the policy that allowed it or AWS's reason for not.
 */
public final class EffectivePermissions {

    /**
     * One permission of the role.
     *
     * @param service {@code athena}, {@code s3}, {@code lambda} or {@code kms}
     * @param resource the workgroup, bucket or function name, or the key ARN ({@code *} for listing workgroups)
     * @param policy the policy whose statement allowed or explicitly denied it (empty when none did)
     * @param reason AWS's reason for a refusal (empty when allowed)
     */
    public record Permission(String service, String resource, String action, String resourceArn, boolean allowed,
            String policy, String reason) {
    }

    private final Authorizer policies;
    private final Principal role;
    private final String accountId;
    private final String region;

    /**
     * @param policies the role's policies evaluated by AWS's rules (not {@link Authorizer#ALLOW_ALL})
     * @param role QuickSight's session of its role
     */
    public EffectivePermissions(Authorizer policies, Principal role, String accountId, String region) {
        this.policies = policies;
        this.role = role;
        this.accountId = accountId;
        this.region = region;
    }

    /** The role's permissions on these workgroups, buckets and functions (names or ARNs). */
    public List<Permission> of(Collection<String> workGroups, Collection<String> buckets,
            Collection<String> functions) {
        return of(workGroups, buckets, functions, List.of());
    }

    /** The role's permissions on these workgroups, buckets, functions (names or ARNs) and KMS keys (key ARNs). */
    public List<Permission> of(Collection<String> workGroups, Collection<String> buckets,
            Collection<String> functions, Collection<String> keys) {
        List<Permission> result = new ArrayList<>();
        result.add(ask("athena", "*", "athena:ListWorkGroups", "*"));
        for (String workGroup : workGroups) {
            String arn = "arn:aws:athena:" + region + ":" + accountId + ":workgroup/" + workGroup;
            result.add(ask("athena", workGroup, "athena:GetWorkGroup", arn));
            result.add(ask("athena", workGroup, "athena:StartQueryExecution", arn));
        }
        for (String bucket : buckets) {
            result.add(ask("s3", bucket, "s3:ListBucket", "arn:aws:s3:::" + bucket));
            result.add(ask("s3", bucket, "s3:GetObject", "arn:aws:s3:::" + bucket + "/*"));
            result.add(ask("s3", bucket, "s3:PutObject", "arn:aws:s3:::" + bucket + "/*"));
        }
        for (String function : functions) {
            String arn = function.startsWith("arn:") ? function
                    : "arn:aws:lambda:" + region + ":" + accountId + ":function:" + function;
            result.add(ask("lambda", function, "lambda:InvokeFunction", arn));
        }
        for (String key : keys) {
            for (String action : List.of("kms:Decrypt", "kms:GenerateDataKey")) {
                result.add(answer("kms", key, QuickSightRole.keyUse(role, accountId, region, key, action)));
            }
        }
        return result;
    }

    private Permission ask(String service, String resource, String action, String arn) {
        AccessRequest request = new AccessRequest(role, action, arn);
        if (service.equals("athena")) {
            request = request.with("aws:RequestedRegion", region);
        }
        return answer(service, resource, request);
    }

    private Permission answer(String service, String resource, AccessRequest request) {
        Decision decision = policies.authorize(request);
        return new Permission(service, resource, request.action(), request.resource(), decision.isAllowed(),
                decision.source(), decision.reason());
    }
}
