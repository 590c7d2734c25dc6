package io.glaux.s3.api;

import io.glaux.aws.auth.Authentication;
import jakarta.servlet.http.HttpServletRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One S3 request as the operations see it: method, bucket and key (decoded from the path, or the bucket from a
 * virtual host {@code <bucket>.localhost}; {@code s3.localhost} is an endpoint, not a bucket), decoded query parameters, headers and body. The bucket is null for the
 * service ({@code GET /}), the key null for the bucket itself.
 */
final class S3Request {

    private static final Pattern VIRTUAL_HOST = Pattern.compile("([a-z0-9][a-z0-9.-]*)\\.localhost(?::\\d+)?");

    private final HttpServletRequest http;
    private final String requestId;
    private final String bucket;
    private final String key;
    private final Map<String, String> query;
    private final Authentication authentication;
    private final S3Access access;

    private S3Request(HttpServletRequest http, String requestId, String bucket, String key, Map<String, String> query,
            Authentication authentication, S3Access access) {
        this.http = http;
        this.requestId = requestId;
        this.bucket = bucket;
        this.key = key;
        this.query = query;
        this.authentication = authentication;
        this.access = access;
    }

    /** This request as authenticated: its caller, and what checks its body's chunk signatures. */
    S3Request authenticated(Authentication caller) {
        return new S3Request(http, requestId, bucket, key, query, caller, access);
    }

    /** This request as authorized: what its caller may do, for operations that check item by item. */
    S3Request withAccess(S3Access granted) {
        return new S3Request(http, requestId, bucket, key, query, authentication, granted);
    }

    /** What the caller may do; everything for a request that was never authorized (an endpoint without IAM). */
    S3Access access() {
        return access;
    }

    /** Who sent the request, or null before it was authenticated. */
    Authentication authentication() {
        return authentication;
    }

    /**
     * Reads the bucket, key and query of an HTTP request.
     *
     * @throws S3Exception InvalidURI when the path or query is not valid percent-encoded UTF-8
     */
    static S3Request of(HttpServletRequest http, String requestId) {
        String rawPath = http.getRequestURI();
        if (rawPath == null || !rawPath.startsWith("/")) {
            throw S3Errors.invalidUri(String.valueOf(rawPath));
        }
        String path = decode(rawPath.substring(1), false, rawPath);
        String bucket;
        String key;
        String host = http.getHeader("Host");
        Matcher virtual = host == null ? null : VIRTUAL_HOST.matcher(host.toLowerCase(Locale.ROOT));
        if (virtual != null && virtual.matches() && !virtual.group(1).equals("s3")) {
            bucket = virtual.group(1);
            key = path;
        } else {
            int slash = path.indexOf('/');
            bucket = slash < 0 ? path : path.substring(0, slash);
            key = slash < 0 ? "" : path.substring(slash + 1);
        }
        return new S3Request(http, requestId, bucket.isEmpty() ? null : bucket, key.isEmpty() ? null : key,
                parseQuery(http.getQueryString()), null, S3Access.ALLOW_ALL);
    }

    HttpServletRequest http() {
        return http;
    }

    String requestId() {
        return requestId;
    }

    String method() {
        return http.getMethod();
    }

    /** The bucket, or null for the service. */
    String bucket() {
        return bucket;
    }

    /** The key, or null for the bucket. */
    String key() {
        return key;
    }

    /** {@code /bucket/key} as S3 names the resource in errors. */
    String resource() {
        return "/" + (bucket == null ? "" : bucket) + (key == null ? "" : "/" + key);
    }

    String header(String name) {
        return http.getHeader(name);
    }

    boolean hasQuery(String name) {
        return query.containsKey(name);
    }

    /** The decoded query parameter ("" when given without a value), or null when absent. */
    String query(String name) {
        return query.get(name);
    }

    Map<String, String> queryParameters() {
        return query;
    }

    InputStream body() throws IOException {
        return http.getInputStream();
    }

    private static Map<String, String> parseQuery(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), true, raw);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), true, raw);
            parameters.putIfAbsent(name, value);
        }
        return Collections.unmodifiableMap(parameters);
    }

    /** Percent-decoding into UTF-8, strictly; in a query '+' is a space. */
    static String decode(String text, boolean plusIsSpace, String whole) {
        if (text.indexOf('%') < 0 && !(plusIsSpace && text.indexOf('+') >= 0)) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw S3Errors.invalidUri(whole);
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw S3Errors.invalidUri(whole);
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    encoded = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(encoded);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw S3Errors.invalidUri(whole);
        }
    }
}
