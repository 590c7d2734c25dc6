package io.glaux.sts.api;

import io.glaux.iam.Decision;
import io.glaux.iam.Principal;
import io.glaux.iam.directory.Role;

/**
 * Whether a caller may assume a role: the seam where the role's trust policy is evaluated (a resource-based policy
 * whose principal must name the caller) together with the caller's own permission for {@code sts:AssumeRole}.
 * AssumeRole asks it before creating a session and answers a refusal as STS's AccessDenied.
 */
@FunctionalInterface
public interface RoleTrust {

    /** Anyone may assume any role: Glaux's behaviour until trust policies are evaluated. */
    RoleTrust ANYONE = (caller, role, sessionName) -> Decision.allowed("");

    Decision decide(Principal caller, Role role, String sessionName);
}
