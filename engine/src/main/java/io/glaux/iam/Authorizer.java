package io.glaux.iam;

/**
 * The one seam every service and the engine ask before acting for a caller: {@link #authorize} answers an
 * {@link AccessRequest} with a {@link Decision}; {@link #check} turns a refusal into an {@link AccessDeniedException}.
 * With enforcement off, the server's authorizer is {@link #ALLOW_ALL}.
 */
@FunctionalInterface
public interface Authorizer {

    /** Allows everything: Glaux's default, as before identities were configured. */
    Authorizer ALLOW_ALL = request -> Decision.allowed("");

    Decision authorize(AccessRequest request);

    /** Returns quietly when {@code request} is allowed; throws the denial otherwise. */
    default void check(AccessRequest request) {
        Decision decision = authorize(request);
        if (!decision.isAllowed()) {
            throw new AccessDeniedException(request, decision);
        }
    }
}
