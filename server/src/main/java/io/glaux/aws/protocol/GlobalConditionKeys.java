package io.glaux.aws.protocol;

import jakarta.servlet.http.HttpServletRequest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The global condition keys AWS sets from the HTTP request itself, for every service: {@code aws:SecureTransport}
 * ({@code false} over http), {@code aws:SourceIp} (the client's address), {@code aws:UserAgent} and
 * {@code aws:Referer} (when sent). Policies test them like any key ({@code "IpAddress": {"aws:SourceIp":
 * "127.0.0.0/8"}}).
 */
public final class GlobalConditionKeys {

    private GlobalConditionKeys() {
    }

    public static Map<String, List<String>> of(HttpServletRequest request) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("aws:SecureTransport", List.of(String.valueOf(request.isSecure())));
        String address = request.getRemoteAddr();
        if (address != null) {
            keys.put("aws:SourceIp", List.of(address));
        }
        put(keys, "aws:UserAgent", request.getHeader("User-Agent"));
        put(keys, "aws:Referer", request.getHeader("Referer"));
        return keys;
    }

    private static void put(Map<String, List<String>> keys, String key, String value) {
        if (value != null) {
            keys.put(key, List.of(value.trim()));
        }
    }
}
