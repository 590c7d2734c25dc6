package io.glaux.aws.auth;

import jakarta.servlet.http.HttpServletRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a signature covers of an HTTP request, as it arrived: the method, the path and query string exactly as sent
 * (still percent-encoded), and every header's values in order (names in lower case).
 *
 * @param method the HTTP method
 * @param rawPath the path as sent, percent-encoded ({@code /} when empty)
 * @param rawQuery the query string as sent, without {@code ?}, or null
 * @param headers each header's values in arrival order, by lower-case name
 */
public record SignedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers) {

    public SignedRequest {
        rawPath = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                .addAll(values));
        copy.replaceAll((name, values) -> List.copyOf(values));
        headers = Collections.unmodifiableMap(copy);
    }

    /** The request as a servlet container received it. */
    public static SignedRequest of(HttpServletRequest http) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(http.getHeaderNames())) {
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                    .addAll(Collections.list(http.getHeaders(name)));
        }
        return new SignedRequest(http.getMethod(), http.getRequestURI(), http.getQueryString(), headers);
    }

    /** The first value of a header (any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The query's parameters, decoded, in order (a name without {@code =} has the value {@code ""}). */
    public List<Map.Entry<String, String>> queryParameters() {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            parameters.add(Map.entry(UriEncoding.decode(equals < 0 ? pair : pair.substring(0, equals)),
                    equals < 0 ? "" : UriEncoding.decode(pair.substring(equals + 1))));
        }
        return parameters;
    }

    /** The first decoded value of a query parameter (exact name), or null. */
    public String queryParameter(String name) {
        for (Map.Entry<String, String> parameter : queryParameters()) {
            if (parameter.getKey().equals(name)) {
                return parameter.getValue();
            }
        }
        return null;
    }
}
