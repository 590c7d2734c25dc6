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
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends each request on the single port to the service it is for, by the service in its SigV4 credential scope
 * ({@code Credential=AK/date/region/<service>/aws4_request}, or {@code X-Amz-Credential} for presigned URLs):
 * {@code s3} goes to the S3 endpoint, calls with {@code X-Amz-Target} to the AWS JSON services (Athena), other
 * signed services to their REST-JSON endpoint ({@code quicksight}, {@code lambda}); unsigned requests
 * ({@code /health}, the UI) and services Glaux does not play go on to Javalin. Routing by path would break buckets named like a route.
 */
final class ServiceRouter implements Filter {

    /** The key of the AWS JSON services, which are told apart by their {@code X-Amz-Target}. */
    static final String JSON = "json";

    private static final Pattern SCOPE = Pattern.compile("Credential=[^/,\\s]+/\\d{8}/[^/]+/([^/]+)/aws4_request");
    private static final Pattern QUERY_SCOPE =
            Pattern.compile("X-Amz-Credential=[^&]*?(?:/|%2F)\\d{8}(?:/|%2F)[^/&%]+(?:/|%2F)([^/&%]+)(?:/|%2F)",
                    Pattern.CASE_INSENSITIVE);

    private final Map<String, HttpServlet> services;

    /** @param services the endpoint of each service by signing name ({@link #JSON} for the AWS JSON services) */
    ServiceRouter(Map<String, HttpServlet> services) {
        this.services = Map.copyOf(services);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServlet endpoint = request instanceof HttpServletRequest http ? endpoint(http) : null;
        if (endpoint != null) {
            endpoint.service(request, response);
        } else {
            chain.doFilter(request, response);
        }
    }

    private HttpServlet endpoint(HttpServletRequest http) {
        String service = service(http);
        return service == null ? null : services.get(service);
    }

    /** The signed-for service, or null for an unsigned request. */
    static String service(HttpServletRequest request) {
        return service(request::getHeader, request.getQueryString());
    }

    /** The signed-for service of a request with these headers and raw query string, or null when unsigned. */
    static String service(Function<String, String> headers, String query) {
        if (headers.apply("X-Amz-Target") != null) {
            return JSON;
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
