package io.glaux.s3.api;

import io.glaux.iam.Authorizer;

/**
 * Authorization of every S3 request, at the one place {@link S3Endpoint} passes before dispatching it: the
 * operation's permissions ({@link S3Permissions}) are checked with the request's condition keys
 * ({@link S3ConditionKeys}) by the server's {@link Authorizer} (which adds the bucket's policy), and the request
 * carries its {@link S3Access} on, for operations that check per item.
 */
final class S3Authorization {

    private final Authorizer authorizer;
    private final String accountId;

    S3Authorization(Authorizer authorizer, String accountId) {
        this.authorizer = authorizer;
        this.accountId = accountId;
    }

    /**
     * The request, carrying what its caller may do, once its operation's permissions are found granted.
     *
     * @throws S3Exception AccessDenied for the first permission that is not
     */
    S3Request authorize(S3Request request, String operation) {
        if (authorizer == Authorizer.ALLOW_ALL) {
            return request.withAccess(S3Access.ALLOW_ALL);
        }
        S3Access access = new S3Access(authorizer, request.authentication().principal(),
                S3ConditionKeys.of(request, accountId), accountId);
        access.check(S3Permissions.of(operation, request));
        return request.withAccess(access);
    }
}
