package io.glaux.aws.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A REST-JSON answer: the HTTP status (the model's {@code Status} member is bound to it) and the body's members.
 * The protocol adds {@code RequestId} and {@code Status} to the body.
 */
public record RestResponse(int status, ObjectNode body) {

    public static RestResponse ok(ObjectNode body) {
        return new RestResponse(200, body);
    }

    public static RestResponse created(ObjectNode body) {
        return new RestResponse(201, body);
    }
}
