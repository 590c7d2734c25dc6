package io.glaux.iam.api;

import io.glaux.aws.protocol.RequestContext;
import io.glaux.iam.Principal;
import io.glaux.iam.SigningCredentials;
import io.glaux.iam.directory.IamDirectory;

/**
 * Who calls, for the operations that answer about the caller (IAM's GetUser without a name, STS's
 * GetCallerIdentity and GetSessionToken): the principal of the access key in the request's credential scope when
 * the directory knows it, else the account's root (as {@link RequestContext#principalArn()} says today). Once the
 * request context carries the verified principal, this is where to take it from.
 */
public final class IamCaller {

    private final IamDirectory directory;

    public IamCaller(IamDirectory directory) {
        this.directory = directory;
    }

    public Principal of(RequestContext context) {
        return directory.find(context.accessKeyId()).filter(SigningCredentials::active)
                .map(SigningCredentials::principal).orElseGet(() -> Principal.root(context.accountId()));
    }
}
