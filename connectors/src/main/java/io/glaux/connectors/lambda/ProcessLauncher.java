package io.glaux.connectors.lambda;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a function's JVM is started, as Lambda starts it: the same {@code java} that runs Glaux, the heap at the
 * function's memory, flags for a quick start, the bootstrap's classes first on the class path, the task root as the
 * working folder, and an environment that starts empty (none of Glaux's own variables) with Lambda's variables, the
 * function's own, and Glaux's endpoint as {@code AWS_ENDPOINT_URL} so AWS SDK clients inside it reach Glaux.
 */
final class ProcessLauncher {

    /** The dummy credentials a function's AWS clients sign with (Glaux accepts any). */
    static final String ACCESS_KEY_ID = "test";
    static final String SECRET_ACCESS_KEY = "test";
    static final String SESSION_TOKEN = "glaux-lambda-session";

    /** Where the bootstrap's classes are written, at the first launch (reading them means a pass over the jar). */
    private final Path runtimeParent;
    private Path runtimeClasses;
    private final String region;
    private volatile String endpoint;

    ProcessLauncher(Path runtimeParent, String region, String endpoint) {
        this.runtimeParent = runtimeParent;
        this.region = region;
        this.endpoint = endpoint;
    }

    private synchronized Path runtimeClasses() throws IOException {
        if (runtimeClasses == null) {
            runtimeClasses = RuntimeClasses.extract(runtimeParent);
        }
        return runtimeClasses;
    }

    void endpoint(String url) {
        this.endpoint = url;
    }

    String endpoint() {
        return endpoint;
    }

    /** The process for {@code deployment}, connecting back to {@code port} with {@code secret}. */
    ProcessBuilder builder(Deployment deployment, String logStream, int port, String secret) throws IOException {
        FunctionSettings settings = deployment.settings();
        Files.createDirectories(deployment.tmp());
        List<String> command = new ArrayList<>();
        command.add(javaCommand());
        command.add("-Xmx" + settings.memorySize() + "m");
        command.add("-XX:+UseSerialGC");
        command.add("-Xshare:auto");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:-UsePerfData");
        // Arrow (the Athena Query Federation SDK's blocks) needs these on Java 17.
        command.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
        command.add("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED");
        command.add("-Djava.io.tmpdir=" + deployment.tmp());
        command.add("-Dfile.encoding=UTF-8");
        command.add("-cp");
        List<String> classPath = new ArrayList<>();
        Path runtime = runtimeClasses();
        classPath.add(runtime.toString());
        deployment.classPath().forEach(p -> classPath.add(p.toString()));
        command.add(String.join(File.pathSeparator, classPath));
        command.add(RuntimeClasses.MAIN_CLASS);
        command.add(Integer.toString(port));
        command.add(secret);
        ProcessBuilder builder = new ProcessBuilder(command).directory(deployment.taskRoot().toFile())
                .redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.putAll(environment(deployment, logStream, runtime));
        return builder;
    }

    /** The variables a function's process sees, and nothing else. */
    private Map<String, String> environment(Deployment deployment, String logStream, Path runtime) {
        FunctionSettings settings = deployment.settings();
        Map<String, String> env = new java.util.LinkedHashMap<>();
        String path = System.getenv("PATH");
        env.put("PATH", path != null ? path : "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("HOME", deployment.tmp().toString());
        env.put("TMPDIR", deployment.tmp().toString());
        if (endpoint != null) {
            env.put("AWS_ENDPOINT_URL", endpoint);
        }
        env.putAll(settings.environment());
        env.put("_HANDLER", settings.handler());
        env.put("AWS_REGION", region);
        env.put("AWS_DEFAULT_REGION", region);
        env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY);
        env.put("AWS_SESSION_TOKEN", SESSION_TOKEN);
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + settings.runtime());
        env.put("AWS_LAMBDA_FUNCTION_NAME", deployment.name());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(settings.memorySize()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", settings.logGroup());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", logStream);
        env.put("LAMBDA_TASK_ROOT", deployment.taskRoot().toString());
        env.put("LAMBDA_RUNTIME_DIR", runtime.toString());
        return env;
    }

    /** A log stream name as Lambda gives one per execution environment: {@code 2024/01/31/[$LATEST]<32 hex>}. */
    static String newLogStream() {
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return String.format("%04d/%02d/%02d/[$LATEST]%s", today.getYear(), today.getMonthValue(),
                today.getDayOfMonth(), HexFormat.of().formatHex(random));
    }

    private static String javaCommand() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (Files.isExecutable(java)) {
            return java.toString();
        }
        return ProcessHandle.current().info().command().orElse("java");
    }
}
