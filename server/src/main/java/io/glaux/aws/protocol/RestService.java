package io.glaux.aws.protocol;

import java.util.List;

/**
 * A service spoken in the REST-JSON protocol (QuickSight today; Lambda is the same shape) as a package of handlers
 * routed by method and URI. {@link RestJsonProtocol} does the framing.
 */
public interface RestService {

    /** The SigV4 signing name, e.g. {@code quicksight}. */
    String signingName();

    List<RestRoute> routes();

    ErrorStyle errors();

    /** The error to answer for an exception an operation let out that is not a {@link ServiceError}. */
    ServiceError translate(Exception error);

    /** Called before a known operation runs; it may delay the call or answer it with the error it throws. */
    default void beforeDispatch(String operation) {
    }
}
