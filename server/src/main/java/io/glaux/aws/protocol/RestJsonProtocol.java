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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The REST-JSON protocol for one service: the route is the method and the URI ({@code http.requestUri} of the
 * model), members come from URI labels, the query string and a JSON body; a success carries the operation's status
 * and body with {@code RequestId} and {@code Status} (bound to the HTTP status in the model, and repeated in the body
 * as QuickSight does); an error carries the model's status, {@code x-amzn-ErrorType} and a body of
 * {@code Message}, {@code RequestId} and the error shape's other members.
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
            // The body is read first, whatever the answer: a refusal sent while the client is still sending would
            // reach it as a reset connection instead of an answer.
            byte[] body = RequestBodies.read(http, new ServiceError(413, "RequestEntityTooLargeException",
                    "Request body exceeds " + RequestBodies.MAX_BODY_BYTES + " bytes"));
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
            if (route == null) {
                throw errors.unknownOperation(http.getMethod() + " " + path);
            }
            service.beforeDispatch(route.operation());
            RestRequest request = new RestRequest(labels, query(http.getQueryString(), errors),
                    new JsonInput(JsonBodies.parse(body, errors), errors));
            RestResponse answer = route.handler().handle(request, context);
            ObjectNode out = answer.body().deepCopy();
            out.put("RequestId", context.requestId());
            out.put("Status", answer.status());
            write(response, answer.status(), context, out);
        } catch (ServiceError e) {
            respond(response, context, e);
        } catch (Exception e) {
            ServiceError translated = service.translate(e);
            if (translated == null) {
                LOG.warn("{} {} {} failed", service.signingName(), http.getMethod(), path, e);
                translated = errors.internal("Internal error: " + e.getClass().getSimpleName());
            }
            respond(response, context, translated);
        }
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

    private static void respond(HttpServletResponse response, RequestContext context, ServiceError error)
            throws IOException {
        ObjectNode body = AwsJson.object();
        body.put("Message", error.message());
        body.put("RequestId", context.requestId());
        error.members().forEach(body::put);
        response.setHeader("x-amzn-ErrorType", error.code());
        write(response, error.status(), context, body);
    }

    private static void write(HttpServletResponse response, int status, RequestContext context, ObjectNode body)
            throws IOException {
        byte[] bytes = AwsJson.MAPPER.writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType(CONTENT_TYPE);
        response.setHeader("x-amzn-RequestId", context.requestId());
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
