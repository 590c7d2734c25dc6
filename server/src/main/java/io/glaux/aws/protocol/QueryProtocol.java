package io.glaux.aws.protocol;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AWS query protocol (IAM, STS): {@code POST /} with a form-encoded body, or {@code GET} with a query string,
 * carrying {@code Action}, {@code Version} and the members flattened ({@link QueryInput}). The answer is
 * {@code <ActionResponse xmlns=...><ActionResult>...</ActionResult><ResponseMetadata><RequestId>...}, an error
 * {@code <ErrorResponse><Error><Type>Sender</Type><Code>...</Code><Message>...</Message></Error><RequestId>...}
 * with the model's HTTP status. One servlet per service; the framing and error mapping live here once.
 */
public final class QueryProtocol extends HttpServlet {

    private static final String CONTENT_TYPE = "text/xml";
    private static final Logger LOG = LoggerFactory.getLogger(QueryProtocol.class);

    private final transient QueryService service;
    private final transient CallerIdentity identity;

    public QueryProtocol(QueryService service, CallerIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @Override
    protected void service(HttpServletRequest http, HttpServletResponse response) throws IOException {
        RequestContext context = identity.of(http, service.signingName());
        String action = null;
        try {
            // The body is read first, whatever the answer, so a refusal reaches the client on a usable connection.
            byte[] body = RequestBodies.read(http, new ServiceError(413, "RequestEntityTooLarge",
                    "Request body exceeds " + RequestBodies.MAX_BODY_BYTES + " bytes"));
            context = identity.authenticate(context, http, body, AuthenticationErrors.QUERY);
            if (!"POST".equals(http.getMethod()) && !"GET".equals(http.getMethod())) {
                throw new ServiceError(400, "InvalidAction", "The query protocol answers GET and POST, not "
                        + http.getMethod());
            }
            Map<String, String> params = params(http, body);
            action = params.get("Action");
            if (action == null) {
                throw new ServiceError(400, "MissingAction", "Missing Action");
            }
            QueryOperation operation = service.operations().get(action);
            if (operation == null) {
                throw new ServiceError(400, "InvalidAction", "Could not find operation " + action + " for version "
                        + params.getOrDefault("Version", "NO_VERSION_SPECIFIED"));
            }
            QueryInput input = new QueryInput(params);
            service.authorize(action, input, context);
            XmlAnswer result = operation.handle(input, context);
            StringBuilder xml = new StringBuilder("<").append(action).append("Response xmlns=\"")
                    .append(service.xmlNamespace()).append("\">");
            if (result != null) {
                xml.append('<').append(action).append("Result>").append(result).append("</").append(action)
                        .append("Result>");
            }
            xml.append("<ResponseMetadata><RequestId>").append(context.requestId())
                    .append("</RequestId></ResponseMetadata></").append(action).append("Response>");
            write(response, 200, context, xml.toString());
        } catch (ServiceError e) {
            respond(response, context, e);
        } catch (io.glaux.iam.AccessDeniedException e) {
            // IAM and STS: 403 AccessDenied, the sentence naming principal, action and resource.
            respond(response, context, new ServiceError(403, "AccessDenied", e.messageWithFix()));
        } catch (ConnectionClosed e) {
            LOG.debug("{} {}: {}", service.signingName(), action, e.getMessage());
        } catch (Exception e) {
            ServiceError translated = service.translate(e);
            if (translated == null) {
                LOG.warn("{} call {} failed", service.signingName(), action, e);
                translated = new ServiceError(500, "InternalFailure", "Internal error: "
                        + e.getClass().getSimpleName());
            }
            respond(response, context, translated);
        }
    }

    /** The members of the query string and, for a form POST, of the body. */
    private static Map<String, String> params(HttpServletRequest http, byte[] body) {
        Map<String, String> params = new LinkedHashMap<>();
        parse(http.getQueryString(), params);
        if (body.length > 0) {
            parse(new String(body, StandardCharsets.UTF_8), params);
        } else if ("POST".equals(http.getMethod())) {
            // The container may already have read a form body into its parameters.
            http.getParameterMap().forEach((name, values) -> params.putIfAbsent(name, values[0]));
        }
        return params;
    }

    private static void parse(String encoded, Map<String, String> into) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            into.put(name, value);
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ServiceError(400, "MalformedQueryString", "Malformed query string: " + e.getMessage());
        }
    }

    private void respond(HttpServletResponse response, RequestContext context, ServiceError error)
            throws IOException {
        String xml = "<ErrorResponse xmlns=\"" + service.xmlNamespace() + "\"><Error><Type>"
                + (error.status() >= 500 ? "Receiver" : "Sender") + "</Type><Code>" + XmlAnswer.escape(error.code())
                + "</Code><Message>" + XmlAnswer.escape(error.message()) + "</Message></Error><RequestId>"
                + context.requestId() + "</RequestId></ErrorResponse>";
        write(response, error.status(), context, xml);
    }

    private static void write(HttpServletResponse response, int status, RequestContext context, String xml)
            throws IOException {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(CONTENT_TYPE);
        response.setHeader("x-amzn-RequestId", context.requestId());
        response.setContentLength(body.length);
        ConnectionClosed.write(response.getOutputStream(), body);
    }
}
