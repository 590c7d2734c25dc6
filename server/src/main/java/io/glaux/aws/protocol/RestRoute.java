package io.glaux.aws.protocol;

/**
 * An operation's place in a REST-JSON service: its name, its {@code http.method} and {@code http.requestUri} from the
 * model, and its handler.
 */
public record RestRoute(String operation, String method, PathTemplate uri, RestOperation handler) {

    public static RestRoute of(String operation, String method, String uri, RestOperation handler) {
        return new RestRoute(operation, method, new PathTemplate(uri), handler);
    }
}
