package io.glaux.aws.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A REST-JSON answer: the HTTP status (the model's {@code Status} member is bound to it), the body's members and any
 * members bound to headers. A service that echoes them ({@link RestService#echoesRequestId()}, QuickSight) has the
 * protocol add {@code RequestId} and {@code Status} to the body. An operation whose output is a blob payload
 * (Lambda's Invoke) answers its bytes instead ({@link #payload}); a 204 has no body at all.
 */
public record RestResponse(int status, ObjectNode body, Map<String, String> headers, byte[] payload,
                           String contentType) {

    public RestResponse(int status, ObjectNode body) {
        this(status, body, Map.of(), null, null);
    }

    public static RestResponse ok(ObjectNode body) {
        return new RestResponse(200, body);
    }

    public static RestResponse created(ObjectNode body) {
        return new RestResponse(201, body);
    }

    /** An answer with no body (HTTP 204). */
    public static RestResponse noContent() {
        return new RestResponse(204, AwsJson.object());
    }

    /** An answer whose body is {@code bytes} as they are. */
    public static RestResponse payload(int status, byte[] bytes, String contentType) {
        return new RestResponse(status, null, Map.of(), bytes, contentType);
    }

    /** This answer with a header more (a member the model binds to a header); null values are left out. */
    public RestResponse withHeader(String name, String value) {
        if (value == null) {
            return this;
        }
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new RestResponse(status, body, Map.copyOf(more), payload, contentType);
    }
}
