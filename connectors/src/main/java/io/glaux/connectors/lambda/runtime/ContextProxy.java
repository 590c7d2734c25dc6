package io.glaux.connectors.lambda.runtime;

import java.io.PrintStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;

/**
 * The {@code com.amazonaws.services.lambda.runtime.Context} an invocation hands its handler, as a
 * {@link java.lang.reflect.Proxy} of the interface found on the function's own class path (the function brings
 * {@code aws-lambda-java-core} in the version it was built with; Glaux has no copy of it). {@code getLogger()} is a
 * proxy of that library's {@code LambdaLogger} writing to the function's log. Methods Glaux has no value for
 * ({@code getIdentity}, {@code getClientContext}, ...) answer null.
 */
final class ContextProxy {

    static final String CONTEXT = "com.amazonaws.services.lambda.runtime.Context";
    static final String LOGGER = "com.amazonaws.services.lambda.runtime.LambdaLogger";

    private ContextProxy() {
    }

    /** What an invocation's context tells. */
    record Values(String requestId, String functionName, String version, String invokedArn, int memoryMb,
                  String logGroup, String logStream, long deadlineEpochMillis) {
    }

    /**
     * A context for a handler whose third parameter is {@code parameterType}, or null when the function's class path
     * has no {@code Context} interface or the parameter is of another type.
     */
    static Object create(Class<?> parameterType, ClassLoader loader, Values values, PrintStream log) {
        Class<?> contextType = optional(CONTEXT, loader);
        if (contextType == null || parameterType == null || !parameterType.isAssignableFrom(contextType)) {
            return null;
        }
        Class<?> loggerType = optional(LOGGER, loader);
        Object logger = loggerType == null ? null
                : Proxy.newProxyInstance(loader, new Class<?>[] {loggerType}, new Logger(log));
        return Proxy.newProxyInstance(loader, new Class<?>[] {contextType}, new Context(values, logger));
    }

    private static Class<?> optional(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private record Context(Values values, Object logger) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            Object common = objectMethod(proxy, method, args, "Glaux Lambda context " + values.requestId());
            if (common != NONE) {
                return common;
            }
            return switch (method.getName()) {
                case "getAwsRequestId" -> values.requestId();
                case "getLogGroupName" -> values.logGroup();
                case "getLogStreamName" -> values.logStream();
                case "getFunctionName" -> values.functionName();
                case "getFunctionVersion" -> values.version();
                case "getInvokedFunctionArn" -> values.invokedArn();
                case "getMemoryLimitInMB" -> values.memoryMb();
                case "getRemainingTimeInMillis" ->
                        (int) Math.max(0, values.deadlineEpochMillis() - System.currentTimeMillis());
                case "getLogger" -> logger;
                default -> defaultValue(method.getReturnType());
            };
        }
    }

    private record Logger(PrintStream log) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            Object common = objectMethod(proxy, method, args, "Glaux LambdaLogger");
            if (common != NONE) {
                return common;
            }
            if (method.getName().equals("log") && args != null && args.length > 0) {
                String message = args[0] instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                        : String.valueOf(args[0]);
                // Each call is one log event in Lambda: it ends a line here.
                log.print(message.endsWith("\n") ? message : message + "\n");
                log.flush();
                return null;
            }
            return defaultValue(method.getReturnType());
        }
    }

    private static final Object NONE = new Object();

    private static Object objectMethod(Object proxy, Method method, Object[] args, String description) {
        return switch (method.getName()) {
            case "toString" -> method.getParameterCount() == 0 ? description : NONE;
            case "hashCode" -> method.getParameterCount() == 0 ? System.identityHashCode(proxy) : NONE;
            case "equals" -> method.getParameterCount() == 1 ? proxy == args[0] : NONE;
            default -> NONE;
        };
    }

    private static Object defaultValue(Class<?> type) {
        if (!type.isPrimitive() || type == void.class) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        if (type == short.class) {
            return (short) 0;
        }
        return 0;
    }
}
