package io.glaux.kms;

import io.glaux.iam.AccessRequest;
import io.glaux.iam.policy.PolicyDocument;
import io.glaux.iam.policy.ResourcePolicies;
import io.glaux.iam.policy.ResourcePolicy;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key policy of the key a {@code kms:} request is for, as the resource policy the authorizer evaluates in
 * {@link ResourcePolicy.Mode#KEY_POLICY}: the key policy must name the caller (or its role), or delegate to the
 * account's IAM policies by naming {@code arn:aws:iam::<account>:root}. Requests on {@code *} (CreateKey, ListKeys,
 * ...) and on alias ARNs have no key policy: IAM policies alone decide them, as on AWS. The server puts it in
 * {@code ResourcePolicies.byService} under {@code "kms"}.
 */
public final class KeyPolicyLookup implements ResourcePolicies {

    private static final Pattern KEY_ARN = Pattern.compile("arn:aws:kms:([a-z0-9-]+):(\\d{12}):key/(.+)");

    private final Kms kms;

    public KeyPolicyLookup(Kms kms) {
        this.kms = Objects.requireNonNull(kms, "kms");
    }

    @Override
    public Optional<ResourcePolicy> of(AccessRequest request) {
        return keyOf(kms, request.resource()).map(key -> new ResourcePolicy(key.arn(),
                PolicyDocument.parse(key.policy(), PolicyDocument.Kind.RESOURCE), ResourcePolicy.Mode.KEY_POLICY));
    }

    /** The key a key ARN names, when {@code kms} has it; empty for any other resource. */
    static Optional<KmsKey> keyOf(Kms kms, String resource) {
        Matcher arn = KEY_ARN.matcher(resource);
        if (!arn.matches()) {
            return Optional.empty();
        }
        return kms.store(arn.group(2), arn.group(1)).findKey(arn.group(3));
    }
}
