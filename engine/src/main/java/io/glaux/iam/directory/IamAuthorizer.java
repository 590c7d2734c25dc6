package io.glaux.iam.directory;

import io.glaux.iam.AccessRequest;
import io.glaux.iam.Authorizer;
import io.glaux.iam.Decision;
import io.glaux.iam.policy.PolicyEvaluator;
import io.glaux.iam.policy.PolicySet;
import io.glaux.iam.policy.ResourcePolicies;

/**
 * AWS's authorization over the directory: the caller's identity policies (a user's own, its groups', a role
 * session's role's), its permissions boundary (a user's, or a role session's role's), a role session's session
 * policies, and the resource's policy, if it has one, evaluated by AWS's rules ({@link PolicyEvaluator}).
 * What the server asks when enforcement is on; every denial names the principal, action, resource and the grant that
 * would allow it.
 */
public final class IamAuthorizer implements Authorizer {

    private final IamDirectory directory;
    private final ResourcePolicies resourcePolicies;
    private final PolicyEvaluator evaluator;

    public IamAuthorizer(IamDirectory directory, ResourcePolicies resourcePolicies, PolicyEvaluator evaluator) {
        this.directory = directory;
        this.resourcePolicies = resourcePolicies;
        this.evaluator = evaluator;
    }

    @Override
    public Decision authorize(AccessRequest request) {
        PolicySet policies = directory.policySetOf(request.principal())
                .withResourcePolicy(resourcePolicies.of(request).orElse(null));
        return evaluator.evaluate(request, policies);
    }
}
