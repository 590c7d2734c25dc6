package io.glaux.aws.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The AWS JSON 1.0/1.1 protocol for every service that speaks it: {@code POST /} with
 * {@code X-Amz-Target: <prefix><Operation>} and a JSON body; the answer is the operation's JSON, or an error with
 * {@code __type}, {@code Message} and the error shape's other members (also {@code x-amzn-ErrorType}). The framing,
 * content-type and size checks and the error mapping live here once; each service is a {@link JsonService}.
 */
public final class AwsJsonProtocol extends HttpServlet {

    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final Logger LOG = LoggerFactory.getLogger(AwsJsonProtocol.class);

    private final List<JsonService> services;
    private final transient CallerIdentity identity;

    public AwsJsonProtocol(List<JsonService> services, CallerIdentity identity) {
        this.services = List.copyOf(services);
        this.identity = identity;
    }

    @Override
    protected void service(HttpServletRequest http, HttpServletResponse response) throws IOException {
        String target = http.getHeader("X-Amz-Target");
        JsonService service = serviceOf(target);
        RequestContext context = identity.of(http, service == null ? null : service.signingName());
        ErrorStyle errors = service == null ? services.get(0).errors() : service.errors();
        try {
            // The body is read first, whatever the answer: a refusal sent while the client is still sending would
            // reach it as a reset connection instead of an answer.
            byte[] body = RequestBodies.read(http, new ServiceError(413, "RequestEntityTooLargeException",
                    "Request body exceeds " + RequestBodies.MAX_BODY_BYTES + " bytes"));
            context = identity.authenticate(context, http, body, AuthenticationErrors.AWS_JSON);
            if (!"POST".equals(http.getMethod())) {
                throw errors.unknownOperation(http.getMethod() + " " + target);
            }
            String name = service == null ? null : target.substring(service.targetPrefix().length());
            JsonOperation operation = service == null ? null : service.operations().get(name);
            if (operation == null) {
                throw errors.unknownOperation(target);
            }
            service.beforeDispatch(name);
            requireJsonContentType(http.getHeader("Content-Type"));
            JsonInput input = new JsonInput(JsonBodies.parse(body, errors), errors);
            service.authorize(name, input, context);
            JsonNode answer = operation.handle(input, context);
            write(response, 200, context, AwsJson.MAPPER.writeValueAsBytes(answer));
        } catch (ServiceError e) {
            respond(response, context, e);
        } catch (io.glaux.iam.AccessDeniedException e) {
            respond(response, context, errors.accessDenied(e));
        } catch (ConnectionClosed e) {
            LOG.debug("{} {}: {}", context.service(), target, e.getMessage());
        } catch (Exception e) {
            ServiceError translated = service == null ? null : service.translate(e);
            if (translated == null) {
                LOG.warn("{} call {} failed", context.service(), target, e);
                translated = errors.internal("Internal error: " + e.getClass().getSimpleName());
            }
            respond(response, context, translated);
        }
    }

    private JsonService serviceOf(String target) {
        if (target == null) {
            return null;
        }
        for (JsonService service : services) {
            if (target.startsWith(service.targetPrefix())) {
                return service;
            }
        }
        return null;
    }

    /** The JSON protocols' media types, parameters such as {@code charset} allowed; anything else is a 415. */
    private static void requireJsonContentType(String contentType) {
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals(CONTENT_TYPE) && !mediaType.equals("application/x-amz-json-1.0")) {
            throw new ServiceError(415, "UnsupportedMediaTypeException", "Unsupported Content-Type "
                    + (contentType == null ? "(none)" : "'" + abbreviate(contentType) + "'") + ": expected "
                    + CONTENT_TYPE);
        }
    }

    private static String abbreviate(String value) {
        return value.length() > 100 ? value.substring(0, 100) + "..." : value;
    }

    private static void respond(HttpServletResponse response, RequestContext context, ServiceError error)
            throws IOException {
        ObjectNode body = AwsJson.object();
        body.put("__type", error.code());
        body.put("Message", error.message());
        error.members().forEach(body::put);
        response.setHeader("x-amzn-ErrorType", error.code());
        write(response, error.status(), context, AwsJson.MAPPER.writeValueAsBytes(body));
    }

    private static void write(HttpServletResponse response, int status, RequestContext context, byte[] body)
            throws IOException {
        response.setStatus(status);
        response.setContentType(CONTENT_TYPE);
        response.setHeader("x-amzn-RequestId", context.requestId());
        response.setContentLength(body.length);
        ConnectionClosed.write(response.getOutputStream(), body);
    }
}
