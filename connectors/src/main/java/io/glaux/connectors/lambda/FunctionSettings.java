package io.glaux.connectors.lambda;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a caller sets on a function (CreateFunction, UpdateFunctionConfiguration). In a change, a null member is left
 * as it was ({@link #over}); a created function has every member ({@link #withDefaults}, Lambda's defaults: 3
 * seconds, 128 MB, 512 MB of /tmp, x86_64, PassThrough tracing, Text logs to {@code /aws/lambda/<name>}).
 *
 * @param environment the function's own variables (Lambda's {@code Environment.Variables}), sorted by name
 */
public record FunctionSettings(String runtime, String role, String handler, String description, Integer timeout,
                               Integer memorySize, Map<String, String> environment, String packageType,
                               List<String> architectures, Integer ephemeralStorage, String tracingMode,
                               String logFormat, String logGroup) {

    public static final int DEFAULT_TIMEOUT = 3;
    public static final int DEFAULT_MEMORY = 128;

    public FunctionSettings {
        environment = environment == null ? null : Collections.unmodifiableMap(new TreeMap<>(environment));
        architectures = architectures == null ? null : List.copyOf(architectures);
    }

    /** No change at all. */
    public static FunctionSettings none() {
        return new FunctionSettings(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** These settings with Lambda's defaults where a member is not set. */
    public FunctionSettings withDefaults(String functionName) {
        return new FunctionSettings(runtime, role, handler, description == null ? "" : description,
                timeout == null ? DEFAULT_TIMEOUT : timeout, memorySize == null ? DEFAULT_MEMORY : memorySize,
                environment == null ? Map.of() : environment, packageType == null ? "Zip" : packageType,
                architectures == null ? List.of("x86_64") : architectures,
                ephemeralStorage == null ? 512 : ephemeralStorage, tracingMode == null ? "PassThrough" : tracingMode,
                logFormat == null ? "Text" : logFormat, logGroup == null ? "/aws/lambda/" + functionName : logGroup);
    }

    /** {@code change} applied over these settings: its non-null members replace these. */
    public FunctionSettings over(FunctionSettings change) {
        return new FunctionSettings(pick(change.runtime, runtime), pick(change.role, role),
                pick(change.handler, handler), pick(change.description, description), pick(change.timeout, timeout),
                pick(change.memorySize, memorySize), pick(change.environment, environment),
                pick(change.packageType, packageType), pick(change.architectures, architectures),
                pick(change.ephemeralStorage, ephemeralStorage), pick(change.tracingMode, tracingMode),
                pick(change.logFormat, logFormat), pick(change.logGroup, logGroup));
    }

    public FunctionSettings withRuntime(String value) {
        return new FunctionSettings(value, role, handler, description, timeout, memorySize, environment,
                packageType, architectures, ephemeralStorage, tracingMode, logFormat, logGroup);
    }

    public FunctionSettings withHandler(String value) {
        return new FunctionSettings(runtime, role, value, description, timeout, memorySize, environment,
                packageType, architectures, ephemeralStorage, tracingMode, logFormat, logGroup);
    }

    public FunctionSettings withRole(String value) {
        return new FunctionSettings(runtime, value, handler, description, timeout, memorySize, environment,
                packageType, architectures, ephemeralStorage, tracingMode, logFormat, logGroup);
    }

    public FunctionSettings withTimeout(Integer value) {
        return new FunctionSettings(runtime, role, handler, description, value, memorySize, environment,
                packageType, architectures, ephemeralStorage, tracingMode, logFormat, logGroup);
    }

    public FunctionSettings withMemorySize(Integer value) {
        return new FunctionSettings(runtime, role, handler, description, timeout, value, environment,
                packageType, architectures, ephemeralStorage, tracingMode, logFormat, logGroup);
    }

    public FunctionSettings withEnvironment(Map<String, String> value) {
        return new FunctionSettings(runtime, role, handler, description, timeout, memorySize, value,
                packageType, architectures, ephemeralStorage, tracingMode, logFormat, logGroup);
    }

    public FunctionSettings withDescription(String value) {
        return new FunctionSettings(runtime, role, handler, value, timeout, memorySize, environment,
                packageType, architectures, ephemeralStorage, tracingMode, logFormat, logGroup);
    }

    public FunctionSettings withPackageType(String value) {
        return new FunctionSettings(runtime, role, handler, description, timeout, memorySize, environment,
                value, architectures, ephemeralStorage, tracingMode, logFormat, logGroup);
    }

    public FunctionSettings withArchitectures(List<String> value) {
        return new FunctionSettings(runtime, role, handler, description, timeout, memorySize, environment,
                packageType, value, ephemeralStorage, tracingMode, logFormat, logGroup);
    }

    public FunctionSettings withEphemeralStorage(Integer value) {
        return new FunctionSettings(runtime, role, handler, description, timeout, memorySize, environment,
                packageType, architectures, value, tracingMode, logFormat, logGroup);
    }

    public FunctionSettings withTracingMode(String value) {
        return new FunctionSettings(runtime, role, handler, description, timeout, memorySize, environment,
                packageType, architectures, ephemeralStorage, value, logFormat, logGroup);
    }

    public FunctionSettings withLogging(String format, String group) {
        return new FunctionSettings(runtime, role, handler, description, timeout, memorySize, environment,
                packageType, architectures, ephemeralStorage, tracingMode, format, group);
    }

    private static <T> T pick(T changed, T current) {
        return changed != null ? changed : current;
    }
}
