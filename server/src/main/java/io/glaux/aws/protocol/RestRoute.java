package io.glaux.aws.protocol;

/**
 * An operation's place in a REST-JSON service: its name, its {@code http.method} and {@code http.requestUri} from the
 * model, and its handler. A route whose input is a blob payload (Lambda's Invoke) takes its body as bytes
 * ({@link RestRequest#payload()}) instead of JSON members.
 */
public record RestRoute(String operation, String method, PathTemplate uri, RestOperation handler,
                        boolean payloadBody) {

    public RestRoute(String operation, String method, PathTemplate uri, RestOperation handler) {
        this(operation, method, uri, handler, false);
    }

    public static RestRoute of(String operation, String method, String uri, RestOperation handler) {
        return new RestRoute(operation, method, new PathTemplate(uri), handler, false);
    }

    /** A route whose body is the operation's blob payload, read as bytes, not as JSON members. */
    public static RestRoute withPayload(String operation, String method, String uri, RestOperation handler) {
        return new RestRoute(operation, method, new PathTemplate(uri), handler, true);
    }
}
