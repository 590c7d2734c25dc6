package io.glaux.connectors.federation;

import io.glaux.connectors.lambda.FunctionInvoker;
import io.glaux.connectors.lambda.Invocation;
import io.glaux.connectors.lambda.LambdaException;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;

import java.util.Optional;

/**
 * Federation functions that are Lambda functions Glaux hosts: each request is a synchronous invocation. A function
 * that throws answers with Lambda's error document, which the connector reports in Athena's words; a function Lambda
 * does not know fails as Athena's call to Lambda would, with Lambda's ResourceNotFoundException.
 */
public final class HostedFunctions implements FederationFunctions {

    /** The exception Athena's Lambda client reports for a function that does not exist. */
    static final String NOT_FOUND = "software.amazon.awssdk.services.lambda.model.ResourceNotFoundException";
    /** The exception Athena's Lambda client reports for a function that exists but cannot run now. */
    static final String CONFLICT = "software.amazon.awssdk.services.lambda.model.ResourceConflictException";
    /** The exception Athena's Lambda client reports when every instance of a function is busy. */
    static final String THROTTLED = "software.amazon.awssdk.services.lambda.model.TooManyRequestsException";

    private final FunctionInvoker invoker;

    public HostedFunctions(FunctionInvoker invoker) {
        this.invoker = invoker;
    }

    @Override
    public Optional<FederationFunction> function(String nameOrArn) {
        return Optional.of(new FederationFunction() {
            @Override
            public String arn() {
                return nameOrArn;
            }

            @Override
            public byte[] invoke(byte[] request) {
                try {
                    Invocation invocation = invoker.invoke(nameOrArn, request);
                    return invocation.payload();
                } catch (LambdaException refused) {
                    throw switch (refused.kind()) {
                        case NOT_FOUND -> new FederationFunctionException(NOT_FOUND, refused.getMessage(), refused);
                        case CONFLICT -> new FederationFunctionException(CONFLICT, refused.getMessage(), refused);
                        case THROTTLED -> new FederationFunctionException(THROTTLED, refused.getMessage(), refused);
                        default -> new GlauxException(ErrorType.QUERY_ENGINE_INTERNAL_ERROR, "GENERIC_INTERNAL_ERROR: "
                                + refused.getMessage(), refused);
                    };
                }
            }
        });
    }
}
