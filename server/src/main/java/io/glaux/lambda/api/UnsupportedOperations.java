package io.glaux.lambda.api;

import io.glaux.aws.protocol.RestRoute;
import io.glaux.aws.protocol.ServiceError;

import java.util.List;

/**
 * Lambda's other operations (versions, aliases, layers, permissions, event source mappings, URLs, tags...), routed
 * so a client calling one gets Lambda's error shape saying Glaux does not play it, rather than an unknown route.
 */
final class UnsupportedOperations {

    private static final String SUPPORTED = "CreateFunction, GetFunction, GetFunctionConfiguration, ListFunctions,"
            + " UpdateFunctionCode, UpdateFunctionConfiguration, DeleteFunction, Invoke and GetAccountSettings";

    private UnsupportedOperations() {
    }

    static List<RestRoute> routes() {
        return List.of(
            op("AddLayerVersionPermission", "POST", "/2018-10-31/layers/{LayerName}/versions/{VersionNumber}/policy"),
            op("AddPermission", "POST", "/2015-03-31/functions/{FunctionName}/policy"),
            op("CheckpointDurableExecution", "POST", "/2025-12-01/durable-executions/{DurableExecutionArn}/checkpoint"),
            op("CreateAlias", "POST", "/2015-03-31/functions/{FunctionName}/aliases"),
            op("CreateCapacityProvider", "POST", "/2025-11-30/capacity-providers"),
            op("CreateCodeSigningConfig", "POST", "/2020-04-22/code-signing-configs"),
            op("CreateEventSourceMapping", "POST", "/2015-03-31/event-source-mappings"),
            op("CreateFunctionUrlConfig", "POST", "/2021-10-31/functions/{FunctionName}/url"),
            op("DeleteAlias", "DELETE", "/2015-03-31/functions/{FunctionName}/aliases/{Name}"),
            op("DeleteCapacityProvider", "DELETE", "/2025-11-30/capacity-providers/{CapacityProviderName}"),
            op("DeleteCodeSigningConfig", "DELETE", "/2020-04-22/code-signing-configs/{CodeSigningConfigArn}"),
            op("DeleteEventSourceMapping", "DELETE", "/2015-03-31/event-source-mappings/{UUID}"),
            op("DeleteFunctionCodeSigningConfig", "DELETE", "/2020-06-30/functions/{FunctionName}/code-signing-config"),
            op("DeleteFunctionConcurrency", "DELETE", "/2017-10-31/functions/{FunctionName}/concurrency"),
            op("DeleteFunctionEventInvokeConfig", "DELETE", "/2019-09-25/functions/{FunctionName}/event-invoke-config"),
            op("DeleteFunctionUrlConfig", "DELETE", "/2021-10-31/functions/{FunctionName}/url"),
            op("DeleteLayerVersion", "DELETE", "/2018-10-31/layers/{LayerName}/versions/{VersionNumber}"),
            op("DeleteProvisionedConcurrencyConfig", "DELETE", "/2019-09-30/functions/{FunctionName}/provisioned-concurrency"),
            op("GetAlias", "GET", "/2015-03-31/functions/{FunctionName}/aliases/{Name}"),
            op("GetCapacityProvider", "GET", "/2025-11-30/capacity-providers/{CapacityProviderName}"),
            op("GetCodeSigningConfig", "GET", "/2020-04-22/code-signing-configs/{CodeSigningConfigArn}"),
            op("GetDurableExecution", "GET", "/2025-12-01/durable-executions/{DurableExecutionArn}"),
            op("GetDurableExecutionHistory", "GET", "/2025-12-01/durable-executions/{DurableExecutionArn}/history"),
            op("GetDurableExecutionState", "GET", "/2025-12-01/durable-executions/{DurableExecutionArn}/state"),
            op("GetEventSourceMapping", "GET", "/2015-03-31/event-source-mappings/{UUID}"),
            op("GetFunctionCodeSigningConfig", "GET", "/2020-06-30/functions/{FunctionName}/code-signing-config"),
            op("GetFunctionConcurrency", "GET", "/2019-09-30/functions/{FunctionName}/concurrency"),
            op("GetFunctionEventInvokeConfig", "GET", "/2019-09-25/functions/{FunctionName}/event-invoke-config"),
            op("GetFunctionRecursionConfig", "GET", "/2024-08-31/functions/{FunctionName}/recursion-config"),
            op("GetFunctionScalingConfig", "GET", "/2025-11-30/functions/{FunctionName}/function-scaling-config"),
            op("GetFunctionUrlConfig", "GET", "/2021-10-31/functions/{FunctionName}/url"),
            op("GetLayerVersion", "GET", "/2018-10-31/layers/{LayerName}/versions/{VersionNumber}"),
            op("GetLayerVersionByArn", "GET", "/2018-10-31/layers"),
            op("GetLayerVersionPolicy", "GET", "/2018-10-31/layers/{LayerName}/versions/{VersionNumber}/policy"),
            op("GetPolicy", "GET", "/2015-03-31/functions/{FunctionName}/policy"),
            op("GetProvisionedConcurrencyConfig", "GET", "/2019-09-30/functions/{FunctionName}/provisioned-concurrency"),
            op("GetRuntimeManagementConfig", "GET", "/2021-07-20/functions/{FunctionName}/runtime-management-config"),
            op("InvokeAsync", "POST", "/2014-11-13/functions/{FunctionName}/invoke-async"),
            op("InvokeWithResponseStream", "POST", "/2021-11-15/functions/{FunctionName}/response-streaming-invocations"),
            op("ListAliases", "GET", "/2015-03-31/functions/{FunctionName}/aliases"),
            op("ListCapacityProviders", "GET", "/2025-11-30/capacity-providers"),
            op("ListCodeSigningConfigs", "GET", "/2020-04-22/code-signing-configs"),
            op("ListDurableExecutionsByFunction", "GET", "/2025-12-01/functions/{FunctionName}/durable-executions"),
            op("ListEventSourceMappings", "GET", "/2015-03-31/event-source-mappings"),
            op("ListFunctionEventInvokeConfigs", "GET", "/2019-09-25/functions/{FunctionName}/event-invoke-config/list"),
            op("ListFunctionUrlConfigs", "GET", "/2021-10-31/functions/{FunctionName}/urls"),
            op("ListFunctionVersionsByCapacityProvider", "GET", "/2025-11-30/capacity-providers/{CapacityProviderName}/function-versions"),
            op("ListFunctionsByCodeSigningConfig", "GET", "/2020-04-22/code-signing-configs/{CodeSigningConfigArn}/functions"),
            op("ListLayerVersions", "GET", "/2018-10-31/layers/{LayerName}/versions"),
            op("ListLayers", "GET", "/2018-10-31/layers"),
            op("ListProvisionedConcurrencyConfigs", "GET", "/2019-09-30/functions/{FunctionName}/provisioned-concurrency"),
            op("ListTags", "GET", "/2017-03-31/tags/{Resource}"),
            op("ListVersionsByFunction", "GET", "/2015-03-31/functions/{FunctionName}/versions"),
            op("PublishLayerVersion", "POST", "/2018-10-31/layers/{LayerName}/versions"),
            op("PublishVersion", "POST", "/2015-03-31/functions/{FunctionName}/versions"),
            op("PutFunctionCodeSigningConfig", "PUT", "/2020-06-30/functions/{FunctionName}/code-signing-config"),
            op("PutFunctionConcurrency", "PUT", "/2017-10-31/functions/{FunctionName}/concurrency"),
            op("PutFunctionEventInvokeConfig", "PUT", "/2019-09-25/functions/{FunctionName}/event-invoke-config"),
            op("PutFunctionRecursionConfig", "PUT", "/2024-08-31/functions/{FunctionName}/recursion-config"),
            op("PutFunctionScalingConfig", "PUT", "/2025-11-30/functions/{FunctionName}/function-scaling-config"),
            op("PutProvisionedConcurrencyConfig", "PUT", "/2019-09-30/functions/{FunctionName}/provisioned-concurrency"),
            op("PutRuntimeManagementConfig", "PUT", "/2021-07-20/functions/{FunctionName}/runtime-management-config"),
            op("RemoveLayerVersionPermission", "DELETE", "/2018-10-31/layers/{LayerName}/versions/{VersionNumber}/policy/{StatementId}"),
            op("RemovePermission", "DELETE", "/2015-03-31/functions/{FunctionName}/policy/{StatementId}"),
            op("SendDurableExecutionCallbackFailure", "POST", "/2025-12-01/durable-execution-callbacks/{CallbackId}/fail"),
            op("SendDurableExecutionCallbackHeartbeat", "POST", "/2025-12-01/durable-execution-callbacks/{CallbackId}/heartbeat"),
            op("SendDurableExecutionCallbackSuccess", "POST", "/2025-12-01/durable-execution-callbacks/{CallbackId}/succeed"),
            op("StopDurableExecution", "POST", "/2025-12-01/durable-executions/{DurableExecutionArn}/stop"),
            op("TagResource", "POST", "/2017-03-31/tags/{Resource}"),
            op("UntagResource", "DELETE", "/2017-03-31/tags/{Resource}"),
            op("UpdateAlias", "PUT", "/2015-03-31/functions/{FunctionName}/aliases/{Name}"),
            op("UpdateCapacityProvider", "PUT", "/2025-11-30/capacity-providers/{CapacityProviderName}"),
            op("UpdateCodeSigningConfig", "PUT", "/2020-04-22/code-signing-configs/{CodeSigningConfigArn}"),
            op("UpdateEventSourceMapping", "PUT", "/2015-03-31/event-source-mappings/{UUID}"),
            op("UpdateFunctionEventInvokeConfig", "POST", "/2019-09-25/functions/{FunctionName}/event-invoke-config"),
            op("UpdateFunctionUrlConfig", "PUT", "/2021-10-31/functions/{FunctionName}/url"));
    }

    private static RestRoute op(String operation, String method, String uri) {
        return RestRoute.of(operation, method, uri, (request, context) -> {
            throw new ServiceError(400, "UnsupportedOperationException", "Glaux's Lambda does not support "
                    + operation + ": it plays " + SUPPORTED + ".");
        });
    }
}
