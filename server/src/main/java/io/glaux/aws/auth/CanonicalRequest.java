package io.glaux.aws.auth;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The canonical request SigV4 signs: method, canonical URI, canonical query, canonical headers, signed headers and
 * payload hash, one per line. The canonical URI is the one rule that differs between services: S3 signs the path as
 * sent (encoded once, never normalized, since a key may hold {@code //} or {@code ..}); every other service signs the
 * normalized path with each segment URI-encoded again, as the SDKs do.
 */
final class CanonicalRequest {

    /** How a service's canonical URI is formed from the path as sent. */
    enum PathStyle {
        /** The raw path, as sent (S3). */
        AS_SENT,
        /** The raw path with {@code .}, {@code ..} and empty segments removed, each segment encoded again. */
        NORMALIZED_ENCODED_AGAIN
    }

    private CanonicalRequest() {
    }

    /** The canonical request of {@code request} as signed by {@code signature}, with the given payload hash. */
    static String of(SignedRequest request, SigV4Signature signature, String payloadHash, PathStyle style) {
        StringBuilder out = new StringBuilder(256);
        out.append(request.method()).append('\n');
        out.append(style == PathStyle.AS_SENT ? request.rawPath() : normalizedEncodedAgain(request.rawPath()))
                .append('\n');
        out.append(query(request, signature.presigned())).append('\n');
        for (String name : signature.signedHeaders()) {
            out.append(name).append(':').append(headerValue(request.headers().get(name))).append('\n');
        }
        out.append('\n').append(String.join(";", signature.signedHeaders())).append('\n');
        out.append(payloadHash);
        return out.toString();
    }

    /** The string to sign: algorithm, signing time, scope and the canonical request's hash. */
    static String stringToSign(SigV4Signature signature, String canonicalRequest) {
        return SigV4Signature.ALGORITHM + "\n" + signature.timestamp() + "\n" + signature.scope() + "\n"
                + SigV4Crypto.sha256Hex(canonicalRequest);
    }

    static String normalizedEncodedAgain(String rawPath) {
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : rawPath.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(segment);
            }
        }
        StringBuilder out = new StringBuilder();
        for (String segment : segments) {
            out.append('/').append(UriEncoding.encode(segment));
        }
        boolean trailingSlash = rawPath.endsWith("/") && !segments.isEmpty();
        return out.isEmpty() ? "/" : trailingSlash ? out.append('/').toString() : out.toString();
    }

    /** Parameters decoded then encoded, sorted by name then value; a presigned URL's signature left out. */
    private static String query(SignedRequest request, boolean presigned) {
        List<String[]> parameters = new ArrayList<>();
        for (Map.Entry<String, String> parameter : request.queryParameters()) {
            if (presigned && parameter.getKey().equals("X-Amz-Signature")) {
                continue;
            }
            parameters.add(new String[] {UriEncoding.encode(parameter.getKey()),
                    UriEncoding.encode(parameter.getValue())});
        }
        parameters.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder out = new StringBuilder();
        for (String[] parameter : parameters) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(parameter[0]).append('=').append(parameter[1]);
        }
        return out.toString();
    }

    /** The values trimmed, runs of spaces collapsed to one, joined by commas. */
    private static String headerValue(List<String> values) {
        if (values == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String value : values) {
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(value.strip().replaceAll(" {2,}", " "));
        }
        return out.toString();
    }
}
