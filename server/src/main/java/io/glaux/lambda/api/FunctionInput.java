package io.glaux.lambda.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.aws.protocol.JsonInput;
import io.glaux.connectors.lambda.CodeSource;
import io.glaux.connectors.lambda.FunctionSettings;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The members of CreateFunction, UpdateFunctionConfiguration and UpdateFunctionCode, read with the model's
 * constraints (a value that breaks them is Lambda's ValidationException). Members that would change what a function
 * does and Glaux cannot play (layers, file systems, container images) are refused; those that do not matter on one
 * machine (VPC, dead-letter queue, KMS key, code signing) are accepted and not kept.
 */
final class FunctionInput {

    /** The model's FunctionName (CreateFunction, UpdateFunction*): a name, partial or full ARN, max 140. */
    static final Pattern FUNCTION_NAME = Pattern.compile("(arn:(aws[a-zA-Z-]*)?:lambda:)?((eusc-)?[a-z]{2}((-gov)|"
            + "(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");
    /** The model's NamespacedFunctionName (Get*, Delete, Invoke), max 256. */
    static final Pattern NAMESPACED_FUNCTION_NAME = Pattern.compile("(arn:(aws[a-zA-Z-]*)?:lambda:(eusc-)?[a-z]{2}"
            + "((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}:|(((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?"
            + "(\\d{12}:)?))(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST(\\.PUBLISHED)?|[a-zA-Z0-9-_]+))?");
    static final Pattern QUALIFIER = Pattern.compile("\\$(LATEST(\\.PUBLISHED)?)|[a-zA-Z0-9-_$]+");

    private static final Pattern ROLE = Pattern.compile("arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");
    private static final Pattern HANDLER = Pattern.compile("[^\\s]+");
    private static final Pattern S3_BUCKET = Pattern.compile("[0-9A-Za-z\\.\\-_]*(?<!\\.)");
    private static final Pattern VARIABLE = Pattern.compile("[a-zA-Z]([a-zA-Z0-9_])+");
    private static final Pattern TAG = Pattern.compile("([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)");
    private static final Pattern LOG_GROUP = Pattern.compile("[\\.\\-_/#A-Za-z0-9]+");

    /** The model's Runtime enum: a value outside it is a ValidationException, one Glaux cannot run is refused later. */
    static final List<String> RUNTIMES = List.of("nodejs", "nodejs4.3", "nodejs6.10", "nodejs8.10", "nodejs10.x",
            "nodejs12.x", "nodejs14.x", "nodejs16.x", "nodejs18.x", "nodejs20.x", "nodejs22.x", "nodejs24.x", "java8",
            "java8.al2", "java11", "java17", "java21", "java25", "python2.7", "python3.6", "python3.7", "python3.8",
            "python3.9", "python3.10", "python3.11", "python3.12", "python3.13", "python3.14", "dotnetcore1.0",
            "dotnetcore2.0", "dotnetcore2.1", "dotnetcore3.1", "dotnet6", "dotnet8", "dotnet10", "nodejs4.3-edge",
            "go1.x", "ruby2.5", "ruby2.7", "ruby3.2", "ruby3.3", "ruby3.4", "ruby4.0", "provided", "provided.al2",
            "provided.al2023", "nodejs26.x", "python3.15", "java8.al2023", "java11.al2023", "java17.al2023");

    private FunctionInput() {
    }

    /** The settings CreateFunction gives (unset members stay null: the host applies Lambda's defaults). */
    static FunctionSettings settings(JsonInput body) {
        refuseUnsupported(body);
        FunctionSettings settings = configuration(body)
                .withEnvironment(environment(body))
                .withPackageType(optionalEnum(body, "PackageType", List.of("Zip", "Image")))
                .withArchitectures(architectures(body))
                .withEphemeralStorage(ephemeralStorage(body))
                .withTracingMode(optionalEnum(body.object("TracingConfig"), "Mode", List.of("Active", "PassThrough")));
        return withLogging(settings, body);
    }

    /** The members CreateFunction and UpdateFunctionConfiguration share, read in the same order by both. */
    private static FunctionSettings configuration(JsonInput body) {
        return FunctionSettings.none()
                .withRuntime(optionalEnum(body, "Runtime", RUNTIMES))
                .withRole(body.string("Role", 0, 10000, ROLE))
                .withHandler(body.string("Handler", 0, 128, HANDLER))
                .withDescription(body.string("Description", 0, 256))
                .withTimeout(body.integer("Timeout", 1, 5400))
                .withMemorySize(body.integer("MemorySize", 128, 32768));
    }

    private static FunctionSettings withLogging(FunctionSettings settings, JsonInput body) {
        JsonInput logging = body.object("LoggingConfig");
        return settings.withLogging(optionalEnum(logging, "LogFormat", List.of("JSON", "Text")),
                logging.string("LogGroup", 1, 512, LOG_GROUP));
    }

    /** CreateFunction's Role, which the model requires. */
    static void requireRole(JsonInput body) {
        body.requiredString("Role", 0, 10000, ROLE);
    }

    /** The code of CreateFunction's {@code Code} or of UpdateFunctionCode's body. */
    static CodeSource code(JsonInput code) {
        if (code.has("ImageUri")) {
            throw LambdaErrors.invalidParameter("Glaux runs Zip packages only: a container image (ImageUri) is not"
                    + " supported.");
        }
        String zip = code.string("ZipFile", 0, Integer.MAX_VALUE);
        String bucket = code.string("S3Bucket", 3, 63, S3_BUCKET);
        String key = code.string("S3Key", 1, 1024);
        String version = code.string("S3ObjectVersion", 1, 1024);
        if (zip != null && (bucket != null || key != null)) {
            throw LambdaErrors.invalidParameter("Please do not provide other FunctionCode properties when providing"
                    + " a ZipFile.");
        }
        if (zip != null) {
            try {
                return CodeSource.inline(Base64.getMimeDecoder().decode(zip));
            } catch (IllegalArgumentException e) {
                throw code.errors().serialization("ZipFile is not base64: " + e.getMessage());
            }
        }
        if (bucket == null || key == null) {
            throw LambdaErrors.invalidParameter("Please provide a source for function code.");
        }
        return CodeSource.stored(bucket, key, version);
    }

    /** The changes UpdateFunctionConfiguration makes (members not given stay null). */
    static FunctionSettings change(JsonInput body) {
        refuseUnsupported(body);
        FunctionSettings change = configuration(body)
                .withEphemeralStorage(ephemeralStorage(body))
                .withTracingMode(optionalEnum(body.object("TracingConfig"), "Mode", List.of("Active", "PassThrough")));
        if (body.has("Environment")) {
            Map<String, String> variables = environment(body);
            change = change.withEnvironment(variables == null ? Map.of() : variables);
        }
        return withLogging(change, body);
    }

    /** CreateFunction's Tags. */
    static Map<String, String> tags(JsonInput body) {
        Map<String, String> tags = body.stringMap("Tags");
        if (tags == null) {
            return Map.of();
        }
        tags.forEach((key, value) -> {
            if (key.isEmpty() || key.length() > 128 || !TAG.matcher(key).matches()) {
                throw body.violation(key, "Tags", "Map keys must satisfy constraint: [Member must have length less"
                        + " than or equal to 128, Member must have length greater than or equal to 1, Member must"
                        + " satisfy regular expression pattern: " + TAG.pattern() + "]");
            }
            if (value.length() > 256 || !TAG.matcher(value).matches()) {
                throw body.violation(value, "Tags", "Map value must satisfy constraint: [Member must have length less"
                        + " than or equal to 256, Member must satisfy regular expression pattern: " + TAG.pattern()
                        + "]");
            }
        });
        return tags;
    }

    private static Map<String, String> environment(JsonInput body) {
        Map<String, String> variables = body.object("Environment").stringMap("Variables");
        if (variables == null) {
            return null;
        }
        for (String name : variables.keySet()) {
            if (!VARIABLE.matcher(name).matches()) {
                throw body.errors().invalid("1 validation error detected: Value at 'environment.variables' failed to"
                        + " satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular"
                        + " expression pattern: " + VARIABLE.pattern() + "]");
            }
        }
        return new LinkedHashMap<>(variables);
    }

    private static List<String> architectures(JsonInput body) {
        List<String> architectures = body.strings("Architectures", 1, 1, 1, 16);
        if (architectures != null) {
            for (String architecture : architectures) {
                if (!List.of("x86_64", "arm64").contains(architecture)) {
                    throw body.violation(architectures, "Architectures", "Member must satisfy constraint: [Member"
                            + " must satisfy enum value set: [x86_64, arm64]]");
                }
            }
        }
        return architectures;
    }

    private static Integer ephemeralStorage(JsonInput body) {
        if (!body.has("EphemeralStorage")) {
            return null;
        }
        JsonInput storage = body.object("EphemeralStorage");
        Integer size = storage.integer("Size", 512, 10240);
        if (size == null) {
            throw storage.violation(null, "ephemeralStorage.size", "Member must not be null");
        }
        return size;
    }

    private static String optionalEnum(JsonInput body, String member, List<String> allowed) {
        String value = body.string(member, 0, 256);
        if (value != null && !allowed.contains(value)) {
            throw body.violation(value, member, "Member must satisfy enum value set: " + allowed);
        }
        return value;
    }

    /** Members that would change what the function does, which Glaux cannot play: refused, not ignored. */
    private static void refuseUnsupported(JsonInput body) {
        JsonNode json = body.json();
        for (String member : List.of("Layers", "FileSystemConfigs")) {
            JsonNode value = json.get(member);
            if (value != null && value.isArray() && !value.isEmpty()) {
                throw LambdaErrors.invalidParameter("Glaux's Lambda does not support " + member + ".");
            }
        }
        for (String member : List.of("ImageConfig", "CapacityProviderConfig", "DurableConfig")) {
            JsonNode value = json.get(member);
            if (value != null && value.isObject() && !value.isEmpty()) {
                throw LambdaErrors.invalidParameter("Glaux's Lambda does not support " + member + ".");
            }
        }
    }
}
