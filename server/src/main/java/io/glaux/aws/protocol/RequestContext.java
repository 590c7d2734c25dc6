package io.glaux.aws.protocol;

import io.glaux.iam.Principal;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who called, where and as which request, handed to every operation of every service: the account the call is for,
 * the region it was signed for, the caller's access key and principal, and the request id sent back to the client.
 *
 * @param service the SigV4 service the request was signed for ({@code athena}, {@code quicksight}, ...)
 * @param accountId the 12-digit account the server plays
 * @param region the region in the request's signature, or the server's default when unsigned
 * @param accessKeyId the access key in the signature, or null for an unsigned request
 * @param principal the caller as {@link CallerIdentity} authenticated it (anonymous before it did)
 * @param requestId the id of this request, answered as {@code x-amzn-RequestId}
 * @param endpoint the URL the client called, scheme and host ({@code http://127.0.0.1:4566}), for URLs answered back
 * @param globalKeys the condition keys the HTTP request sets for every authorization ({@link GlobalConditionKeys})
 */
public record RequestContext(String service, String accountId, String region, String accessKeyId,
        Principal principal, String requestId, String endpoint, Map<String, List<String>> globalKeys) {

    public RequestContext {
        Objects.requireNonNull(principal, "principal");
        globalKeys = globalKeys == null ? Map.of() : Map.copyOf(globalKeys);
    }

    /** The caller's ARN ({@code arn:aws:iam::<account>:root}, a user's, an assumed role's, or {@code *}). */
    public String principalArn() {
        return principal.arn();
    }

    /** This context with the caller found by authentication. */
    public RequestContext withPrincipal(Principal caller) {
        return new RequestContext(service, accountId, region, accessKeyId, caller, requestId, endpoint, globalKeys);
    }

    /** The account's root principal, {@code arn:aws:iam::<account>:root}. */
    public static String rootOf(String accountId) {
        return "arn:aws:iam::" + accountId + ":root";
    }
}
