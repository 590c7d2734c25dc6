package io.glaux.sts.api;

import io.glaux.iam.AccessRequest;
import io.glaux.iam.directory.IamDirectory;
import io.glaux.iam.policy.PolicyDocument;
import io.glaux.iam.policy.ResourcePolicies;
import io.glaux.iam.policy.ResourcePolicy;

import java.util.Objects;
import java.util.Optional;

/**
 * A role's trust policy as the resource policy of {@code sts:AssumeRole} on the role's ARN. It is evaluated in
 * {@link ResourcePolicy.Mode#KEY_POLICY}, which is AWS's rule for trust policies too ("role trust policies and KMS
 * key policies must explicitly allow access for principals", even within the account): a trust policy that names the
 * caller (the user, the session, or the session's role) lets it assume the role by itself, as STS documents for a
 * user named in the trust policy; one that names the account's root only delegates, so an identity policy of the
 * caller must allow {@code sts:AssumeRole} on the role as well; one that names neither refuses everyone, root
 * included. The server puts it in {@code ResourcePolicies.byService} under {@code "sts"}.
 */
public final class TrustPolicyLookup implements ResourcePolicies {

    private final IamDirectory directory;

    public TrustPolicyLookup(IamDirectory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    @Override
    public Optional<ResourcePolicy> of(AccessRequest request) {
        if (!request.action().equalsIgnoreCase("sts:AssumeRole")) {
            return Optional.empty();
        }
        return directory.roleByArn(request.resource()).map(role -> new ResourcePolicy(
                "the trust policy of " + role.arn(),
                PolicyDocument.parse(role.assumeRolePolicyDocument(), PolicyDocument.Kind.TRUST),
                ResourcePolicy.Mode.KEY_POLICY));
    }
}
