package io.glaux.sql.function;


import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static io.glaux.sql.function.Arg.STRING;

/** Trino's URL functions: NULL for text that is not a valid URI. */
public final class UrlFunctions {
    private UrlFunctions() {
    }

    /** Declares the URL functions and the Trino names bound to them. */
    static void declare(FunctionRegistry.Builder r) {
        Class<?> u = UrlFunctions.class;
        r.define(GlauxFunction.strict("url_extract_protocol", true, Signature.of(u, "urlExtractProtocol",
                Returns.VARCHAR, STRING)));
        r.define(GlauxFunction.strict("url_extract_host", true, Signature.of(u, "urlExtractHost", Returns.VARCHAR,
                STRING)));
        r.define(GlauxFunction.strict("url_extract_port", true, Signature.of(u, "urlExtractPort", Returns.BIGINT,
                STRING)));
        r.define(GlauxFunction.strict("url_extract_path", true, Signature.of(u, "urlExtractPath", Returns.VARCHAR,
                STRING)));
        r.define(GlauxFunction.strict("url_extract_query", true, Signature.of(u, "urlExtractQuery", Returns.VARCHAR,
                STRING)));
        r.define(GlauxFunction.strict("url_extract_fragment", true, Signature.of(u, "urlExtractFragment",
                Returns.VARCHAR, STRING)));
        r.define(GlauxFunction.strict("url_extract_parameter", true,
                Signature.of(u, "urlExtractParameter", Returns.VARCHAR, STRING, STRING)));
        r.define(GlauxFunction.strict("url_encode", false, Signature.of(u, "urlEncode", Returns.VARCHAR, STRING)));
        r.define(GlauxFunction.strict("url_decode", false, Signature.of(u, "urlDecode", Returns.VARCHAR, STRING)));
    }

    private static URI uri(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    public static String urlExtractProtocol(String url) {
        URI u = uri(url);
        return u == null ? null : u.getScheme();
    }

    public static String urlExtractHost(String url) {
        URI u = uri(url);
        return u == null ? null : u.getHost();
    }

    public static Long urlExtractPort(String url) {
        URI u = uri(url);
        return u == null || u.getPort() < 0 ? null : (long) u.getPort();
    }

    public static String urlExtractPath(String url) {
        URI u = uri(url);
        return u == null ? null : u.getPath();
    }

    public static String urlExtractQuery(String url) {
        URI u = uri(url);
        return u == null ? null : u.getRawQuery();
    }

    public static String urlExtractFragment(String url) {
        URI u = uri(url);
        return u == null ? null : u.getFragment();
    }

    /** The raw value of the first query parameter of that name ('' without '='), NULL if absent. */
    public static String urlExtractParameter(String url, String name) {
        URI u = uri(url);
        if (u == null || u.getRawQuery() == null) {
            return null;
        }
        for (String pair : u.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                return eq < 0 ? "" : decodedOrRaw(pair.substring(eq + 1));
            }
        }
        return null;
    }

    /** A parameter value with %-escapes and '+' decoded, as Trino returns it; as written if it cannot be decoded. */
    private static String decodedOrRaw(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    public static String urlEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public static String urlDecode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw FunctionErrors.invalidArgument(e.getMessage());
        }
    }
}
