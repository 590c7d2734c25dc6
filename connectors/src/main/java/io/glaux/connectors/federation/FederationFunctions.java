package io.glaux.connectors.federation;

import java.util.Optional;

/** The federation functions a Glaux can invoke, by the name or ARN a LAMBDA catalog gives. */
@FunctionalInterface
public interface FederationFunctions {

    /** The function, or empty when there is none by that name here. */
    Optional<FederationFunction> function(String nameOrArn);
}
