package io.glaux.lambda.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.CallAuthorizer;
import io.glaux.aws.protocol.ErrorStyle;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.aws.protocol.RestRequest;
import io.glaux.aws.protocol.RestRoute;
import io.glaux.aws.protocol.RestService;
import io.glaux.aws.protocol.ServiceError;
import io.glaux.connectors.lambda.FunctionHost;
import io.glaux.connectors.lambda.LambdaException;
import io.glaux.iam.Authorizer;

import java.util.ArrayList;
import java.util.List;

/**
 * AWS Lambda as a {@link RestService} (REST-JSON, SigV4 scope {@code lambda}) over Glaux's {@link FunctionHost}:
 * functions created, read, listed, updated, deleted and invoked as Lambda's API does it, in Lambda's framing (bodies
 * without RequestId, errors of {@code Type} and {@code message}, deployment packages up to Lambda's request size).
 * The framing is {@code io.glaux.aws.protocol.RestJsonProtocol}'s.
 */
public final class LambdaApi implements RestService {

    /** Lambda's largest CreateFunction or UpdateFunctionCode request (a 50 MB package, base64, in JSON). */
    static final long MAX_CODE_REQUEST_BYTES = 70_167_211L;
    private static final long MAX_OTHER_REQUEST_BYTES = 16L * 1024 * 1024;

    private final List<RestRoute> routes = new ArrayList<>();
    private final LambdaAuthorization authorization;

    /** Lambda with every call allowed, as with enforcement off. */
    public LambdaApi(FunctionHost host) {
        this(host, Authorizer.ALLOW_ALL);
    }

    /** @param authorizer asked before each call whether its caller may make it ({@link LambdaAuthorization}) */
    public LambdaApi(FunctionHost host, Authorizer authorizer) {
        this.authorization = new LambdaAuthorization(new CallAuthorizer(authorizer, "lambda"), host.names());
        routes.addAll(new FunctionOperations(host).routes());
        routes.add(new InvokeOperation(host).route());
        routes.addAll(UnsupportedOperations.routes());
    }

    @Override
    public String signingName() {
        return "lambda";
    }

    @Override
    public List<RestRoute> routes() {
        return List.copyOf(routes);
    }

    @Override
    public ErrorStyle errors() {
        return LambdaErrors.STYLE;
    }

    /** Refuses a call whose caller may not perform its {@code lambda:} action on the function it names. */
    @Override
    public void authorize(String operation, RestRequest request, RequestContext context) {
        authorization.check(operation, request, context);
    }

    @Override
    public ServiceError translate(Exception error) {
        return error instanceof LambdaException e ? LambdaErrors.of(e) : null;
    }

    @Override
    public boolean echoesRequestId() {
        return false;
    }

    @Override
    public long maxRequestBytes(String operation) {
        if (operation == null || operation.equals("CreateFunction") || operation.equals("UpdateFunctionCode")) {
            return MAX_CODE_REQUEST_BYTES;
        }
        return operation.equals("Invoke") ? InvokeOperation.SYNC_PAYLOAD_LIMIT : MAX_OTHER_REQUEST_BYTES;
    }

    @Override
    public ServiceError tooLarge(String operation, long limit) {
        if ("Invoke".equals(operation)) {
            return InvokeOperation.tooLarge((int) limit);
        }
        return new ServiceError(413, "RequestEntityTooLargeException", "Request must be smaller than " + limit
                + " bytes for the " + (operation == null ? "requested" : operation) + " operation");
    }

    @Override
    public ObjectNode errorBody(ServiceError error, RequestContext context) {
        return LambdaErrors.body(error);
    }
}
