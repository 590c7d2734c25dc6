package io.glaux.aws.protocol;

import io.glaux.iam.AccessRequest;
import io.glaux.iam.Authorizer;

import java.util.Objects;

/**
 * One service's questions to the server's {@link Authorizer}: "may this call's caller perform
 * {@code <service>:<Action>} on this resource?", with the resource's ARN built in the service's own format
 * ({@code arn:aws:<service>:<region>:<account>:<resource>}) for the region and account the call is for. The services
 * that authorize in their {@code authorize} hook (Athena, Lambda, QuickSight) share it, so each only names its
 * actions and resources.
 */
public final class CallAuthorizer {

    private final Authorizer authorizer;
    private final String servicePrefix;

    /**
     * @param authorizer the server's authorizer ({@link Authorizer#ALLOW_ALL} with enforcement off)
     * @param servicePrefix the IAM service prefix of the actions and ARNs ({@code athena}, {@code lambda}, ...)
     */
    public CallAuthorizer(Authorizer authorizer, String servicePrefix) {
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
        this.servicePrefix = Objects.requireNonNull(servicePrefix, "servicePrefix");
    }

    /**
     * The ARN of {@code resource} ({@code workgroup/primary}, {@code function:orders}) in the call's region and
     * account.
     */
    public String arn(RequestContext context, String resource) {
        return "arn:aws:" + servicePrefix + ":" + context.region() + ":" + context.accountId() + ":" + resource;
    }

    /**
     * Returns quietly when the caller may perform {@code <service>:<action>} on {@code resource} (an ARN, or
     * {@code *} for an action without a resource); throws the denial otherwise. The request carries the HTTP
     * request's global keys ({@code aws:SourceIp}, ...) and {@code aws:RequestedRegion}, the region the call was
     * signed for.
     *
     * @throws io.glaux.iam.AccessDeniedException when the caller's policies do not allow it
     */
    public void check(RequestContext context, String action, String resource) {
        authorizer.check(new AccessRequest(context.principal(), servicePrefix + ":" + action, resource,
                context.globalKeys()).with("aws:RequestedRegion", context.region()));
    }
}
