package io.glaux.aws.protocol;

/**
 * Who called, where and as which request, handed to every operation of every service: the account the call is for,
 * the region it was signed for, the caller's access key and principal, and the request id sent back to the client.
 *
 * @param service the SigV4 service the request was signed for ({@code athena}, {@code quicksight}, ...)
 * @param accountId the 12-digit account the server plays
 * @param region the region in the request's signature, or the server's default when unsigned
 * @param accessKeyId the access key in the signature, or null for an unsigned request
 * @param principalArn the caller's principal (the account's root until identities are configured)
 * @param requestId the id of this request, answered as {@code x-amzn-RequestId}
 * @param endpoint the URL the client called, scheme and host ({@code http://127.0.0.1:4566}), for URLs answered back
 */
public record RequestContext(String service, String accountId, String region, String accessKeyId,
        String principalArn, String requestId, String endpoint) {

    /** The account's root principal, {@code arn:aws:iam::<account>:root}. */
    public static String rootOf(String accountId) {
        return "arn:aws:iam::" + accountId + ":root";
    }
}
