package io.glaux.aws.auth;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A SigV4 signature as a request carries it, read from the {@code Authorization} header
 * ({@code AWS4-HMAC-SHA256 Credential=AK/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date,
 * Signature=...} with {@code X-Amz-Date} or {@code Date}) or from a presigned URL's {@code X-Amz-*} parameters.
 *
 * @param accessKeyId the access key of the credential scope
 * @param scopeDate the scope's date, {@code yyyyMMdd}
 * @param region the scope's region
 * @param service the scope's service
 * @param signedHeaders the signed headers' names in the order given (lower case)
 * @param signature the hex signature sent
 * @param timestamp the signing time as the string to sign has it, {@code yyyyMMdd'T'HHmmss'Z'}
 * @param signedAt the signing time
 * @param presigned whether it came in the query string
 * @param expiresSeconds a presigned URL's {@code X-Amz-Expires}, else 0
 * @param securityToken the {@code X-Amz-Security-Token} header or parameter, or null
 */
public record SigV4Signature(String accessKeyId, String scopeDate, String region, String service,
        List<String> signedHeaders, String signature, String timestamp, Instant signedAt, boolean presigned,
        long expiresSeconds, String securityToken) {

    /** The one algorithm Glaux verifies. */
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    /** The longest a presigned URL may be valid, a week. */
    public static final long MAX_EXPIRES_SECONDS = 604800;

    static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    public SigV4Signature {
        signedHeaders = List.copyOf(signedHeaders);
    }

    /** The credential scope, {@code date/region/service/aws4_request}. */
    public String scope() {
        return scopeDate + "/" + region + "/" + service + "/aws4_request";
    }

    /** Whether the request is signed with SigV4 at all (a header or query parameters), whatever their shape. */
    public static boolean present(SignedRequest request) {
        String authorization = request.header("Authorization");
        return authorization != null && authorization.startsWith("AWS4-")
                || request.queryParameter("X-Amz-Algorithm") != null
                || request.queryParameter("X-Amz-Credential") != null;
    }

    /**
     * Reads the signature of a request that {@linkplain #present carries one}.
     *
     * @throws AuthenticationFailure MALFORMED or UNSUPPORTED, in AWS's words
     */
    public static SigV4Signature of(SignedRequest request) {
        String authorization = request.header("Authorization");
        return authorization != null && authorization.startsWith("AWS4-") ? fromHeader(request, authorization)
                : fromQuery(request);
    }

    private static SigV4Signature fromHeader(SignedRequest request, String authorization) {
        int space = authorization.indexOf(' ');
        String algorithm = space < 0 ? authorization : authorization.substring(0, space);
        if (!algorithm.equals(ALGORITHM)) {
            throw AuthenticationFailure.of(AuthenticationFailure.Kind.UNSUPPORTED,
                    "Unsupported AWS 'algorithm': '" + algorithm + "'").build();
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : authorization.substring(space + 1).split(",")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                parts.put(part.substring(0, equals).strip(), part.substring(equals + 1).strip());
            }
        }
        StringBuilder missing = new StringBuilder();
        for (String name : List.of("Credential", "SignedHeaders", "Signature")) {
            if (parts.get(name) == null || parts.get(name).isEmpty()) {
                missing.append("Authorization header requires '").append(name).append("' parameter. ");
            }
        }
        String amzDate = request.header("X-Amz-Date");
        String date = request.header("Date");
        if (amzDate == null && date == null) {
            missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        if (!missing.isEmpty()) {
            throw malformed(missing + "Authorization=" + authorization, false, null);
        }
        Instant signedAt = amzDate != null ? parseAmzDate(amzDate, false) : parseHttpDate(date);
        return build(parts.get("Credential"), parts.get("SignedHeaders"), parts.get("Signature"), signedAt, false, 0,
                request.header("X-Amz-Security-Token"));
    }

    private static SigV4Signature fromQuery(SignedRequest request) {
        String algorithm = request.queryParameter("X-Amz-Algorithm");
        String credential = request.queryParameter("X-Amz-Credential");
        String date = request.queryParameter("X-Amz-Date");
        String signedHeaders = request.queryParameter("X-Amz-SignedHeaders");
        String signature = request.queryParameter("X-Amz-Signature");
        String expires = request.queryParameter("X-Amz-Expires");
        if (algorithm == null || credential == null || date == null || signedHeaders == null || signature == null
                || expires == null) {
            throw malformed("Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential,"
                    + " X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.", true,
                    null);
        }
        if (!algorithm.equals(ALGORITHM)) {
            throw AuthenticationFailure.of(AuthenticationFailure.Kind.UNSUPPORTED,
                    "X-Amz-Algorithm only supports \"" + ALGORITHM + "\"").presigned(true).build();
        }
        long seconds;
        try {
            seconds = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            throw malformed("X-Amz-Expires should be a number", true, null);
        }
        if (seconds < 0) {
            throw malformed("X-Amz-Expires must be non-negative", true, null);
        }
        if (seconds > MAX_EXPIRES_SECONDS) {
            throw malformed("X-Amz-Expires must be less than a week (in seconds) that is 604800", true, null);
        }
        return build(credential, signedHeaders, signature, parseAmzDate(date, true), true, seconds,
                request.queryParameter("X-Amz-Security-Token"));
    }

    private static SigV4Signature build(String credential, String signedHeaders, String signature, Instant signedAt,
            boolean presigned, long expires, String token) {
        String[] scope = credential.split("/", -1);
        if (scope.length != 5 || scope[0].isEmpty() || !scope[1].matches("\\d{8}") || scope[2].isEmpty()
                || scope[3].isEmpty() || !scope[4].equals("aws4_request")) {
            throw malformed("Credential should be scoped to a valid region, service and date, in the form"
                    + " <access key>/<yyyyMMdd>/<region>/<service>/aws4_request: '" + credential + "'", presigned,
                    scope[0]);
        }
        String timestamp = AMZ_DATE.format(signedAt);
        if (!timestamp.startsWith(scope[1])) {
            throw malformed("Invalid credential date. Date is not the same as X-Amz-Date.", presigned, scope[0]);
        }
        return new SigV4Signature(scope[0], scope[1], scope[2], scope[3],
                Arrays.asList(signedHeaders.toLowerCase(java.util.Locale.ROOT).split(";")), signature, timestamp,
                signedAt, presigned, expires, token);
    }

    private static Instant parseAmzDate(String value, boolean presigned) {
        try {
            return ZonedDateTime.parse(value, AMZ_DATE).toInstant();
        } catch (DateTimeParseException e) {
            throw malformed("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\": '" + value + "'",
                    presigned, null);
        }
    }

    private static Instant parseHttpDate(String value) {
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw malformed("Date must be an RFC 1123 date: '" + value + "'", false, null);
        }
    }

    private static AuthenticationFailure malformed(String message, boolean presigned, String accessKeyId) {
        return AuthenticationFailure.of(AuthenticationFailure.Kind.MALFORMED, message).presigned(presigned)
                .accessKeyId(accessKeyId).build();
    }
}
