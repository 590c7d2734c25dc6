package io.glaux.s3.api;

import io.glaux.iam.AccessDeniedException;
import io.glaux.iam.AccessRequest;
import io.glaux.iam.Authorizer;
import io.glaux.iam.Principal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one S3 request's caller may do: asks the server's {@link Authorizer} for each {@link S3Permission}, with the
 * request's condition keys, and turns a refusal into S3's AccessDenied. Operations that check permissions of their
 * own (DeleteObjects, key by key) reach it through {@link S3Request#access()}.
 */
final class S3Access {

    /** Allows every request: for endpoints built without an authorizer. */
    static final S3Access ALLOW_ALL = new S3Access(Authorizer.ALLOW_ALL, Principal.anonymous(), Map.of(), null);

    /**
     * What the bucket owner's root user may always do, whatever the bucket policy says, so a policy that denies
     * everyone can still be read, replaced or removed (as S3 lets the account's root user do).
     */
    private static final Set<String> ROOT_ALWAYS = Set.of("s3:GetBucketPolicy", "s3:PutBucketPolicy",
            "s3:DeleteBucketPolicy");

    private final Authorizer authorizer;
    private final Principal principal;
    private final Map<String, List<String>> keys;
    private final String accountId;

    S3Access(Authorizer authorizer, Principal principal, Map<String, List<String>> keys, String accountId) {
        this.authorizer = authorizer;
        this.principal = principal;
        this.keys = Map.copyOf(keys);
        this.accountId = accountId;
    }

    /** Returns when every permission is granted; throws AccessDenied for the first that is not. */
    void check(List<S3Permission> permissions) {
        for (S3Permission permission : permissions) {
            denial(permission).ifPresent(denied -> {
                throw denied;
            });
        }
    }

    /** S3's AccessDenied for {@code permission}, or empty when it is granted. */
    Optional<S3Exception> denial(S3Permission permission) {
        if (authorizer == Authorizer.ALLOW_ALL || rootAlwaysMay(permission)) {
            return Optional.empty();
        }
        Map<String, List<String>> context = new HashMap<>(keys);
        context.putAll(permission.keys());
        AccessRequest request = new AccessRequest(principal, permission.action(), permission.resource(), context);
        try {
            authorizer.check(request);
            return Optional.empty();
        } catch (AccessDeniedException denied) {
            return Optional.of(S3Errors.accessDenied(denied));
        }
    }

    private boolean rootAlwaysMay(S3Permission permission) {
        return principal.type() == Principal.Type.ROOT && principal.accountId() != null
                && principal.accountId().equals(accountId) && ROOT_ALWAYS.contains(permission.action());
    }
}
