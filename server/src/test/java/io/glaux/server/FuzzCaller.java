package io.glaux.server;

import io.glaux.athena.api.AccessFixture;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Who a fuzz test's requests come from, and what each may be answered: a caller of a server with enforcement off
 * (a credential scope naming the service and a signature nobody checks), or a caller of a server enforcing IAM who
 * signs with SigV4 as the account's root (answered as without enforcement) or as a user no policy allows anything
 * (never answered 2xx; a refusal by authorization is the service's AccessDeniedException with AWS's sentence). The
 * Athena, QuickSight and Lambda fuzz tests send the same random requests as each of them.
 *
 * @param kind     which of the three callers
 * @param endpoint the server's base URL
 * @param service  the SigV4 signing name, which is also the prefix of the service's IAM actions
 * @param signer   the key requests are signed with; null for an unverified caller
 */
public record FuzzCaller(Kind kind, String endpoint, String service, AwsCredentials signer) {

    /** The caller's name of the user {@link EnforcedIamServer} gives no policy. */
    static final String NOBODY = "nobody";

    /** The authentication failures of the JSON protocols: a signed caller must never meet one. */
    private static final Set<String> AUTHENTICATION_FAILURES = Set.of("IncompleteSignatureException",
            "InvalidSignatureException", "UnrecognizedClientException", "MissingAuthenticationTokenException",
            "ExpiredTokenException");

    /** The three callers. */
    public enum Kind {
        UNVERIFIED("unverified, enforcement off"),
        ROOT("signed as root"),
        ALLOWED_NOTHING("signed, allowed nothing");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** A caller of {@code server} (enforcement off) whose requests claim {@code service}'s scope, unsigned. */
    public static FuzzCaller unverified(GlauxServer server, String service) {
        return new FuzzCaller(Kind.UNVERIFIED, server.endpoint(), service, null);
    }

    /** Whether every call this caller makes must be refused. */
    public boolean deniedEverything() {
        return kind == Kind.ALLOWED_NOTHING;
    }

    /**
     * The request {@code method pathAndQuery} with {@code headers} and {@code body} (null: none) as this caller sends
     * it: signed by the SDK's SigV4 signer, or with an Authorization header naming the service and a made-up
     * signature.
     */
    public HttpRequest request(String method, String pathAndQuery, Map<String, String> headers, byte[] body,
                               Duration timeout) {
        String url = endpoint + pathAndQuery;
        if (signer != null) {
            HttpRequest signed = AccessFixture.signed(method, url, headers, body, signer, service);
            return HttpRequest.newBuilder(signed, (name, value) -> true).timeout(timeout).build();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/" + service
                        + "/aws4_request, SignedHeaders=host, Signature=0")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return request.build();
    }

    /**
     * Whether an error answer is a refusal by authorization: the service's AccessDeniedException with AWS's sentence
     * ("User: ... is not authorized to perform: svc:Op ...").
     */
    public boolean refusedByPolicy(String code, String message) {
        return code.equals("AccessDeniedException") && message != null
                && message.contains(" is not authorized to perform: " + service + ":");
    }

    /**
     * What is wrong with an error answer ({@code status}, {@code code}, {@code message}) for this caller, or null
     * when nothing is: a signed caller is never refused its signature; only the caller allowed nothing is refused by
     * authorization, and then with {@code deniedStatus} (the service's model), its own ARN, the action's
     * {@code service:} prefix, AWS's reason and the fix.
     */
    public String problemWithError(int status, String code, String message, int deniedStatus) {
        if (signer != null && AUTHENTICATION_FAILURES.contains(code)) {
            return "a signed request was refused its signature: " + code + " " + message;
        }
        if (!refusedByPolicy(code, message)) {
            return null;
        }
        if (!deniedEverything()) {
            return kind + " was refused by authorization: " + message;
        }
        String sentence = "User: " + AccessFixture.userArn(NOBODY) + " is not authorized to perform: " + service
                + ":";
        if (status != deniedStatus || !message.startsWith(sentence)
                || !message.contains(" because no identity-based policy allows the " + service + ":")
                || !message.contains(". To allow it: ")) {
            return "a refusal not in " + service + "'s words (" + deniedStatus + ", \"" + sentence
                    + "...because no identity-based policy allows...To allow it: ...\"): " + status + " " + message;
        }
        return null;
    }

    @Override
    public String toString() {
        return kind.toString();
    }
}
