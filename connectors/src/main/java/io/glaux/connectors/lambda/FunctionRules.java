package io.glaux.connectors.lambda;

import io.glaux.connectors.lambda.runtime.ErrorPayload;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks Lambda makes of a function's settings beyond the model's constraints, with Lambda's messages: a runtime
 * and a handler for a Zip package, runtimes Glaux can run (Java only), no reserved environment variables and at most
 * 4 KB of them.
 */
public final class FunctionRules {

    /** The Java runtimes of the model's Runtime enum from java17 on: what a function's JVM can play. */
    public static final List<String> RUNTIMES = List.of("java17", "java17.al2023", "java21", "java25");

    /** Environment variables Lambda sets itself and refuses from the caller. */
    public static final Set<String> RESERVED_KEYS = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION",
            "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");

    static final int MAX_ENVIRONMENT_BYTES = 4096;

    private FunctionRules() {
    }

    /** The checks of CreateFunction, on settings with their defaults. */
    static void checkCreate(FunctionSettings settings) {
        if (!"Zip".equals(settings.packageType())) {
            throw LambdaException.invalid("Glaux runs Zip packages only: PackageType " + settings.packageType()
                    + " is not supported.");
        }
        if (settings.runtime() == null || settings.handler() == null || settings.handler().isEmpty()) {
            throw LambdaException.invalid(
                    "Runtime and Handler are mandatory parameters for functions created with deployment packages.");
        }
        checkChange(settings);
    }

    /** The checks of the members a change sets (UpdateFunctionConfiguration). */
    static void checkChange(FunctionSettings change) {
        if (change.runtime() != null && !RUNTIMES.contains(change.runtime())) {
            throw LambdaException.invalid("The runtime parameter of " + change.runtime() + " is not supported by"
                    + " Glaux, which runs Java functions: use one of " + String.join(", ", RUNTIMES) + ".");
        }
        if (change.handler() != null && change.handler().isEmpty()) {
            throw LambdaException.invalid(
                    "Runtime and Handler are mandatory parameters for functions created with deployment packages.");
        }
        if (change.environment() != null) {
            checkEnvironment(change.environment());
        }
    }

    static void checkEnvironment(Map<String, String> variables) {
        List<String> reserved = variables.keySet().stream().filter(RESERVED_KEYS::contains).sorted().toList();
        if (!reserved.isEmpty()) {
            throw LambdaException.invalid("Lambda was unable to configure your environment variables because the"
                    + " environment variables you have provided contains reserved keys that are currently not"
                    + " supported for modification. Reserved keys used in this request: "
                    + String.join(", ", reserved));
        }
        String measured = json(variables);
        if (measured.getBytes(StandardCharsets.UTF_8).length > MAX_ENVIRONMENT_BYTES) {
            throw LambdaException.invalid("Lambda was unable to configure your environment variables because the"
                    + " environment variables you have provided exceeded the 4KB limit. String measured: " + measured);
        }
    }

    private static String json(Map<String, String> variables) {
        StringBuilder json = new StringBuilder("{");
        variables.forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            ErrorPayload.quote(json, name);
            json.append(':');
            ErrorPayload.quote(json, value);
        });
        return json.append('}').toString();
    }
}
