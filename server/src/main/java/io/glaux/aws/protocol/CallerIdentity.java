package io.glaux.aws.protocol;

import jakarta.servlet.http.HttpServletRequest;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds each request's {@link RequestContext} from its SigV4 credential scope
 * ({@code Credential=<access key>/<date>/<region>/<service>/aws4_request}, in the Authorization header or a presigned
 * URL's {@code X-Amz-Credential}). Signatures are not verified here: any caller is the account's root principal
 * until identities are configured.
 */
public final class CallerIdentity {

    /** The account Glaux plays unless configured otherwise. */
    public static final String DEFAULT_ACCOUNT_ID = "000000000000";
    /** The region of unsigned requests. */
    public static final String DEFAULT_REGION = "us-east-1";

    private static final Pattern SCOPE = Pattern.compile(
            "Credential=([^/,\\s]+)/\\d{8}/([^/]+)/([^/]+)/aws4_request");

    private final String accountId;

    public CallerIdentity(String accountId) {
        if (accountId == null || !accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("An AWS account id is 12 digits, not '" + accountId + "'");
        }
        this.accountId = accountId;
    }

    public String accountId() {
        return accountId;
    }

    /** The context of a request to {@code service}. */
    public RequestContext of(HttpServletRequest request, String service) {
        String authorization = request.getHeader("Authorization");
        String credential = authorization != null ? authorization : request.getParameter("X-Amz-Credential") == null
                ? null : "Credential=" + request.getParameter("X-Amz-Credential");
        String accessKey = null;
        String region = DEFAULT_REGION;
        if (credential != null) {
            Matcher matcher = SCOPE.matcher(credential);
            if (matcher.find()) {
                accessKey = matcher.group(1);
                region = matcher.group(2);
            }
        }
        String host = request.getHeader("Host");
        String endpoint = request.getScheme() + "://" + (host != null ? host
                : request.getServerName() + ":" + request.getServerPort());
        return new RequestContext(service, accountId, region, accessKey, RequestContext.rootOf(accountId),
                UUID.randomUUID().toString(), endpoint);
    }
}
