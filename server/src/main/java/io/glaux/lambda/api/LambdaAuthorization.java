package io.glaux.lambda.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.aws.protocol.CallAuthorizer;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.aws.protocol.RestRequest;
import io.glaux.connectors.lambda.FunctionNames;
import io.glaux.connectors.lambda.LambdaException;

import java.util.Map;
import java.util.Optional;

/**
 * Which IAM action and resource each Lambda call needs, as the Service Authorization Reference for AWS Lambda names
 * them: {@code lambda:<Operation>} (Invoke and InvokeWithResponseStream are {@code lambda:InvokeFunction},
 * GetLayerVersionByArn is {@code lambda:GetLayerVersion}) on the function the call names
 * ({@code arn:aws:lambda:<region>:<account>:function:<name>}, with {@code :<qualifier>} when the call names a version
 * or alias), the layer, event source mapping or ARN it names, or {@code *} for the calls without one
 * (ListFunctions, GetAccountSettings, ...). A call naming a function Lambda cannot read as one here (another region
 * or account, a malformed name) is not refused here, so it gets the same error as with enforcement off.
 */
final class LambdaAuthorization {

    /** Operations whose IAM action has another name. */
    private static final Map<String, String> ACTIONS = Map.of("Invoke", "InvokeFunction",
            "InvokeWithResponseStream", "InvokeFunction", "GetLayerVersionByArn", "GetLayerVersion");

    private final CallAuthorizer authorizer;
    private final FunctionNames names;

    LambdaAuthorization(CallAuthorizer authorizer, FunctionNames names) {
        this.authorizer = authorizer;
        this.names = names;
    }

    /** The IAM action of {@code operation}, without the {@code lambda:} prefix. */
    static String actionOf(String operation) {
        return ACTIONS.getOrDefault(operation, operation);
    }

    /** Throws the denial when the caller may not make this call. */
    void check(String operation, RestRequest request, RequestContext context) {
        resourceOf(operation, request, context)
                .ifPresent(resource -> authorizer.check(context, actionOf(operation), resource));
    }

    /** The resource the call is checked on: an ARN or {@code *}; empty when it names no function Lambda reads. */
    Optional<String> resourceOf(String operation, RestRequest request, RequestContext context) {
        Map<String, String> labels = request.labels();
        String function = labels.get("FunctionName");
        if (function == null && operation.equals("CreateFunction")) {
            JsonNode name = request.body().json().get("FunctionName");
            function = name != null && name.isTextual() ? name.textValue() : null;
            if (function == null) {
                return Optional.empty();
            }
        }
        if (function != null) {
            String name;
            try {
                name = names.resolve(function);
            } catch (LambdaException e) {
                return Optional.empty();
            }
            String qualifier = request.queryParameter("Qualifier");
            return Optional.of(authorizer.arn(context, "function:" + name
                    + (qualifier == null || qualifier.isEmpty() ? "" : ":" + qualifier)));
        }
        if (labels.containsKey("LayerName")) {
            String version = labels.get("VersionNumber");
            return Optional.of(authorizer.arn(context, "layer:" + labels.get("LayerName")
                    + (version == null ? "" : ":" + version)));
        }
        if (labels.containsKey("UUID")) {
            return Optional.of(authorizer.arn(context, "event-source-mapping:" + labels.get("UUID")));
        }
        if (labels.containsKey("CapacityProviderName")) {
            return Optional.of(authorizer.arn(context, "capacity-provider:" + labels.get("CapacityProviderName")));
        }
        for (String arn : new String[] {"Resource", "CodeSigningConfigArn", "DurableExecutionArn"}) {
            if (labels.containsKey(arn)) {
                return Optional.of(labels.get(arn));
            }
        }
        return Optional.of("*");
    }
}
