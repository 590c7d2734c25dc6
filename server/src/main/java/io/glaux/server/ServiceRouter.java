package io.glaux.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends each request on the single port to the service it is for, by the service in its SigV4 credential scope
 * ({@code Credential=AK/date/region/<service>/aws4_request}, or {@code X-Amz-Credential} for presigned URLs):
 * {@code s3} goes to the S3 endpoint, anything else (Athena's {@code X-Amz-Target} calls, QuickSight) and unsigned
 * requests ({@code /health}, {@code /ui}) go on to Javalin. Routing by path would break buckets named like a route.
 */
final class ServiceRouter implements Filter {

    private static final Pattern SCOPE = Pattern.compile("Credential=[^/,\\s]+/\\d{8}/[^/]+/([^/]+)/aws4_request");
    private static final Pattern QUERY_SCOPE =
            Pattern.compile("X-Amz-Credential=[^&]*?(?:/|%2F)\\d{8}(?:/|%2F)[^/&%]+(?:/|%2F)([^/&%]+)(?:/|%2F)",
                    Pattern.CASE_INSENSITIVE);

    private final HttpServlet s3;

    ServiceRouter(HttpServlet s3) {
        this.s3 = s3;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && "s3".equals(service(http))) {
            s3.service(request, response);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** The signed-for service, or null for an unsigned request. */
    static String service(HttpServletRequest request) {
        return service(request::getHeader, request.getQueryString());
    }

    /** The signed-for service of a request with these headers and raw query string, or null when unsigned. */
    static String service(Function<String, String> headers, String query) {
        if (headers.apply("X-Amz-Target") != null) {
            return "json";
        }
        String authorization = headers.apply("Authorization");
        if (authorization != null) {
            Matcher matcher = SCOPE.matcher(authorization);
            if (matcher.find()) {
                return matcher.group(1).toLowerCase(Locale.ROOT);
            }
            // SigV2 ("AWS key:signature") is only spoken by S3 clients.
            return authorization.startsWith("AWS ") ? "s3" : null;
        }
        if (query != null) {
            Matcher matcher = QUERY_SCOPE.matcher(query);
            if (matcher.find()) {
                return matcher.group(1).toLowerCase(Locale.ROOT);
            }
            if (query.contains("AWSAccessKeyId=")) {
                return "s3";
            }
        }
        return null;
    }
}
