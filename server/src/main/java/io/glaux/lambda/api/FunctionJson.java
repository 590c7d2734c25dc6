package io.glaux.lambda.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.AwsJson;
import io.glaux.connectors.lambda.FunctionConfig;
import io.glaux.connectors.lambda.FunctionSettings;
import io.glaux.connectors.lambda.FunctionStatus;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A function as Lambda's FunctionConfiguration shape shows it. */
final class FunctionJson {

    /** Lambda's LastModified: {@code 2024-01-31T12:34:56.789+0000}. */
    private static final DateTimeFormatter LAST_MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private FunctionJson() {
    }

    /**
     * The FunctionConfiguration of {@code config}; with {@code states} false the members ListFunctions leaves out
     * (State, LastUpdateStatus and their reasons) are left out.
     */
    static ObjectNode configuration(FunctionConfig config, String arn, boolean states) {
        FunctionSettings settings = config.settings();
        ObjectNode node = AwsJson.object();
        node.put("FunctionName", config.name());
        node.put("FunctionArn", arn);
        AwsJson.putString(node, "Runtime", settings.runtime());
        AwsJson.putString(node, "Role", settings.role());
        AwsJson.putString(node, "Handler", settings.handler());
        node.put("CodeSize", config.code().size());
        node.put("Description", settings.description());
        node.put("Timeout", settings.timeout());
        node.put("MemorySize", settings.memorySize());
        node.put("LastModified", LAST_MODIFIED.format(config.lastModified()));
        node.put("CodeSha256", config.code().sha256());
        node.put("Version", "$LATEST");
        if (!settings.environment().isEmpty()) {
            ObjectNode variables = node.putObject("Environment").putObject("Variables");
            settings.environment().forEach(variables::put);
        }
        node.putObject("TracingConfig").put("Mode", settings.tracingMode());
        node.put("RevisionId", config.revisionId());
        if (states) {
            FunctionStatus status = config.status();
            AwsJson.putString(node, "State", status.state());
            AwsJson.putString(node, "StateReason", status.stateReason());
            AwsJson.putString(node, "StateReasonCode", status.stateReasonCode());
            AwsJson.putString(node, "LastUpdateStatus", status.lastUpdateStatus());
            AwsJson.putString(node, "LastUpdateStatusReason", status.lastUpdateStatusReason());
            AwsJson.putString(node, "LastUpdateStatusReasonCode", status.lastUpdateStatusReasonCode());
        }
        node.put("PackageType", settings.packageType());
        ArrayNode architectures = node.putArray("Architectures");
        settings.architectures().forEach(architectures::add);
        node.putObject("EphemeralStorage").put("Size", settings.ephemeralStorage());
        node.putObject("SnapStart").put("ApplyOn", "None").put("OptimizationStatus", "Off");
        node.putObject("LoggingConfig").put("LogFormat", settings.logFormat()).put("LogGroup", settings.logGroup());
        return node;
    }
}
