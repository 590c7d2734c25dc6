package io.glaux.aws.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The REST-JSON protocol for one service: the route is the method and the URI ({@code http.requestUri} of the
 * model), members come from URI labels, the query string, headers and a JSON body (or, for an operation whose input
 * is a blob payload, the body's bytes); a success carries the operation's status, headers and body, with
 * {@code RequestId} and {@code Status} in the body for a service that echoes them (QuickSight binds {@code Status} to
 * the HTTP status and repeats both in the body; Lambda does not); an error carries the model's status,
 * {@code x-amzn-ErrorType} and the body the service writes for it ({@link RestService#errorBody}). Each service sets
 * the largest request it takes, per operation.
 */
public final class RestJsonProtocol extends HttpServlet {

    private static final String CONTENT_TYPE = "application/json";
    private static final Logger LOG = LoggerFactory.getLogger(RestJsonProtocol.class);

    private final transient RestService service;
    private final transient CallerIdentity identity;
    private final List<RestRoute> routes;

    public RestJsonProtocol(RestService service, CallerIdentity identity) {
        this.service = service;
        this.identity = identity;
        List<RestRoute> sorted = new ArrayList<>(service.routes());
        sorted.sort(Comparator.comparingInt((RestRoute r) -> -r.uri().literalSegments()));
        this.routes = List.copyOf(sorted);
    }

    /** The routes, most specific first. */
    public List<RestRoute> routes() {
        return routes;
    }

    @Override
    protected void service(HttpServletRequest http, HttpServletResponse response) throws IOException {
        RequestContext context = identity.of(http, service.signingName());
        ErrorStyle errors = service.errors();
        String path = http.getRequestURI();
        try {
            RestRoute route = null;
            Map<String, String> labels = null;
            for (RestRoute candidate : routes) {
                if (!candidate.method().equals(http.getMethod())) {
                    continue;
                }
                Optional<Map<String, String>> matched = candidate.uri().match(path);
                if (matched.isPresent()) {
                    route = candidate;
                    labels = matched.get();
                    break;
                }
            }
            // The body is read first, whatever the answer: a refusal sent while the client is still sending would
            // reach it as a reset connection instead of an answer.
            String operation = route == null ? null : route.operation();
            long limit = service.maxRequestBytes(operation);
            byte[] body = RequestBodies.read(http, limit, service.tooLarge(operation, limit));
            context = identity.authenticate(context, http, body, AuthenticationErrors.REST_JSON);
            if (route == null) {
                throw errors.unknownOperation(http.getMethod() + " " + path);
            }
            service.beforeDispatch(route.operation());
            JsonInput members = route.payloadBody() ? new JsonInput(AwsJson.object(), errors)
                    : new JsonInput(JsonBodies.parse(body, errors), errors);
            RestRequest request = new RestRequest(labels, query(http.getQueryString(), errors), members,
                    headers(http), body);
            service.authorize(route.operation(), request, context);
            RestResponse answer = route.handler().handle(request, context);
            answer.headers().forEach(response::setHeader);
            if (answer.payload() != null) {
                write(response, answer.status(), context, answer.payload(), answer.contentType());
            } else if (answer.status() == 204) {
                write(response, 204, context, null, null);
            } else {
                ObjectNode out = answer.body().deepCopy();
                if (service.echoesRequestId()) {
                    out.put("RequestId", context.requestId());
                    out.put("Status", answer.status());
                }
                write(response, answer.status(), context, out);
            }
        } catch (ServiceError e) {
            respond(response, context, e);
        } catch (io.glaux.iam.AccessDeniedException e) {
            respond(response, context, errors.accessDenied(e));
        } catch (ConnectionClosed e) {
            LOG.debug("{} {}: {}", service.signingName(), http.getMethod() + " " + path, e.getMessage());
        } catch (Exception e) {
            ServiceError translated = service.translate(e);
            if (translated == null) {
                LOG.warn("{} {} {} failed", service.signingName(), http.getMethod(), path, e);
                translated = errors.internal("Internal error: " + e.getClass().getSimpleName());
            }
            respond(response, context, translated);
        }
    }

    /** The request's headers by lower-case name (the first value of a repeated one). */
    private static Map<String, String> headers(HttpServletRequest http) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Enumeration<String> names = http.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            headers.putIfAbsent(name.toLowerCase(Locale.ROOT), http.getHeader(name));
        }
        return headers;
    }

    private static Map<String, List<String>> query(String raw, ErrorStyle errors) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                throw errors.serialization("Malformed query string");
            }
        }
        return parameters;
    }

    private void respond(HttpServletResponse response, RequestContext context, ServiceError error)
            throws IOException {
        response.setHeader("x-amzn-ErrorType", error.code());
        write(response, error.status(), context, service.errorBody(error, context));
    }

    private static void write(HttpServletResponse response, int status, RequestContext context, ObjectNode body)
            throws IOException {
        write(response, status, context, AwsJson.MAPPER.writeValueAsBytes(body), CONTENT_TYPE);
    }

    private static void write(HttpServletResponse response, int status, RequestContext context, byte[] bytes,
                              String contentType) throws IOException {
        response.setStatus(status);
        response.setHeader("x-amzn-RequestId", context.requestId());
        if (bytes == null) {
            return;
        }
        response.setContentType(contentType == null ? CONTENT_TYPE : contentType);
        response.setContentLength(bytes.length);
        ConnectionClosed.write(response.getOutputStream(), bytes);
    }
}
