package io.glaux.storage;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.Headers;

/**
 * {@link ObjectMetadata} as the headers of an object on an S3 server. The HTTP headers S3 stores travel as
 * themselves; the declared checksums and the tags travel as user metadata under reserved names
 * ({@code glaux-checksum-<algorithm>}, {@code glaux-tags}), because S3-compatible servers differ in whether and how
 * they keep flexible checksums and tags, and a multipart upload cannot carry a whole-object checksum header.
 */
final class S3ObjectHeaders {

    private static final String CHECKSUM = "glaux-checksum-";
    private static final String TAGS = "glaux-tags";
    private static final String META = "x-amz-meta-";

    private S3ObjectHeaders() {
    }

    /** The stored headers besides Content-Type (which the client sets itself). */
    static Map<String, String> headers(ObjectMetadata metadata) {
        Map<String, String> headers = new LinkedHashMap<>();
        putIf(headers, "Content-Encoding", metadata.contentEncoding());
        putIf(headers, "Content-Disposition", metadata.contentDisposition());
        putIf(headers, "Content-Language", metadata.contentLanguage());
        putIf(headers, "Cache-Control", metadata.cacheControl());
        putIf(headers, "Expires", metadata.expires());
        return headers;
    }

    /** User metadata with the reserved entries added. */
    static Map<String, String> userMetadata(ObjectMetadata metadata) {
        Map<String, String> user = new LinkedHashMap<>(metadata.userMetadata());
        metadata.checksums().forEach((algorithm, value) -> user.put(CHECKSUM + algorithm.toLowerCase(Locale.ROOT),
                value));
        if (!metadata.tags().isEmpty()) {
            StringBuilder tags = new StringBuilder();
            metadata.tags().forEach((name, value) -> tags.append(tags.length() == 0 ? "" : "&")
                    .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            user.put(TAGS, tags.toString());
        }
        return user;
    }

    static ObjectMetadata metadata(Headers headers) {
        Map<String, String> user = new TreeMap<>();
        Map<String, String> checksums = new TreeMap<>();
        Map<String, String> tags = new TreeMap<>();
        for (String name : headers.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.startsWith(META)) {
                continue;
            }
            String key = lower.substring(META.length());
            String value = headers.get(name);
            if (key.startsWith(CHECKSUM)) {
                checksums.put(key.substring(CHECKSUM.length()).toUpperCase(Locale.ROOT), value);
            } else if (key.equals(TAGS)) {
                for (String pair : value.split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        tags.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                    }
                }
            } else {
                user.put(key, value);
            }
        }
        return new ObjectMetadata(headers.get("Content-Type"), headers.get("Content-Encoding"),
                headers.get("Content-Disposition"), headers.get("Content-Language"), headers.get("Cache-Control"),
                headers.get("Expires"), user, checksums, tags);
    }

    /** The ETag without its quotes. */
    static String etag(String quoted) {
        if (quoted == null) {
            return null;
        }
        String etag = quoted.trim();
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
                ? etag.substring(1, etag.length() - 1) : etag;
    }

    private static void putIf(Map<String, String> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }
}
