package io.glaux.iam.policy;

import io.glaux.iam.AccessRequest;

import java.util.Map;
import java.util.Optional;

/**
 * Where the resource-based policy that governs a request comes from: a bucket's policy for {@code s3:} actions, a
 * key's policy for {@code kms:} actions, a role's trust policy for {@code sts:AssumeRole}. Each service that has
 * resource policies answers for its own actions; {@link #byService} puts them together.
 */
@FunctionalInterface
public interface ResourcePolicies {

    /** No resource has a policy. */
    ResourcePolicies NONE = request -> Optional.empty();

    /** The policy of the resource {@code request} is for, or empty when it has none. */
    Optional<ResourcePolicy> of(AccessRequest request);

    /** Asks the policies of the request's service ({@code s3}, {@code kms}, ...); other services have none. */
    static ResourcePolicies byService(Map<String, ResourcePolicies> services) {
        Map<String, ResourcePolicies> copy = Map.copyOf(services);
        return request -> copy.getOrDefault(request.service(), NONE).of(request);
    }
}
