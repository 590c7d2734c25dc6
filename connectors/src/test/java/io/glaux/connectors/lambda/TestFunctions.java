package io.glaux.connectors.lambda;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Small functions for the tests, compiled here with the JDK's compiler and packed as Lambda takes them: a jar of
 * classes, or a zip with the classes at its root and {@code lib/aws-lambda-java-core.jar} (the Context interface, as
 * a real function brings it).
 */
public final class TestFunctions {

    /**
     * Handlers: {@code fn.Plain::<method>} (no Lambda library needed), {@code fn.Ctx::handle} (takes a Context),
     * {@code fn.Echo} (a RequestStreamHandler), {@code fn.Pojo} (a RequestHandler, which Glaux does not run).
     */
    static final Map<String, String> SOURCES = Map.of(
            "fn/Plain.java", """
                    package fn;

                    import java.io.InputStream;
                    import java.io.OutputStream;
                    import java.nio.charset.StandardCharsets;
                    import java.util.TreeMap;

                    public class Plain {
                        private static String text(InputStream in) throws java.io.IOException {
                            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        }

                        private static void write(OutputStream out, String text) throws java.io.IOException {
                            out.write(text.getBytes(StandardCharsets.UTF_8));
                        }

                        public static void env(InputStream in, OutputStream out) throws Exception {
                            StringBuilder lines = new StringBuilder();
                            new TreeMap<>(System.getenv()).forEach((k, v) -> lines.append(k).append('=').append(v)
                                    .append('\\n'));
                            write(out, lines.toString());
                        }

                        public static void memory(InputStream in, OutputStream out) throws Exception {
                            write(out, Long.toString(Runtime.getRuntime().maxMemory()));
                        }

                        public static void pid(InputStream in, OutputStream out) throws Exception {
                            String payload = text(in).trim();
                            if (!payload.isEmpty()) {
                                Thread.sleep(Long.parseLong(payload));
                            }
                            write(out, Long.toString(ProcessHandle.current().pid()));
                        }

                        public static void fail(InputStream in, OutputStream out) {
                            System.out.println("about to fail");
                            throw new IllegalStateException("boom: the handler failed");
                        }

                        public static void hang(InputStream in, OutputStream out) throws Exception {
                            System.out.println("hanging in " + ProcessHandle.current().pid());
                            Thread.sleep(Long.MAX_VALUE);
                        }

                        public static void exit(InputStream in, OutputStream out) {
                            System.out.println("exiting");
                            System.exit(3);
                        }

                        public void anyContext(InputStream in, OutputStream out, Object context) throws Exception {
                            write(out, String.valueOf(context));
                        }

                        public static void pojo(String input) {
                        }
                    }
                    """,
            "fn/Ctx.java", """
                    package fn;

                    import com.amazonaws.services.lambda.runtime.Context;
                    import java.io.InputStream;
                    import java.io.OutputStream;
                    import java.nio.charset.StandardCharsets;

                    public class Ctx {
                        public void handle(InputStream in, OutputStream out, Context context) throws Exception {
                            String input = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                            context.getLogger().log("logged through the context: " + input);
                            System.err.println("to stderr");
                            String answer = context.getAwsRequestId() + "|" + context.getFunctionName() + "|"
                                    + context.getFunctionVersion() + "|" + context.getInvokedFunctionArn() + "|"
                                    + context.getMemoryLimitInMB() + "|" + context.getRemainingTimeInMillis() + "|"
                                    + context.getLogGroupName() + "|" + context.getIdentity();
                            out.write(answer.getBytes(StandardCharsets.UTF_8));
                        }
                    }
                    """,
            "fn/Echo.java", """
                    package fn;

                    import com.amazonaws.services.lambda.runtime.Context;
                    import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
                    import java.io.InputStream;
                    import java.io.OutputStream;

                    public class Echo implements RequestStreamHandler {
                        @Override
                        public void handleRequest(InputStream in, OutputStream out, Context context)
                                throws java.io.IOException {
                            in.transferTo(out);
                        }
                    }
                    """,
            "fn/Pojo.java", """
                    package fn;

                    import com.amazonaws.services.lambda.runtime.Context;
                    import com.amazonaws.services.lambda.runtime.RequestHandler;

                    public class Pojo implements RequestHandler<String, String> {
                        @Override
                        public String handleRequest(String input, Context context) {
                            return input;
                        }
                    }
                    """);

    private static Path classes;

    private TestFunctions() {
    }

    /** The jar of aws-lambda-java-core on the test's class path. */
    public static Path lambdaCore() {
        try {
            return Path.of(Class.forName("com.amazonaws.services.lambda.runtime.Context").getProtectionDomain()
                    .getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IllegalStateException("aws-lambda-java-core is not on the test class path", e);
        }
    }

    /** The handlers compiled once per test run. */
    static synchronized Path classes() {
        if (classes != null) {
            return classes;
        }
        try {
            Path sources = Files.createTempDirectory("lambda-sources-");
            Path output = Files.createTempDirectory("lambda-classes-");
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> source : SOURCES.entrySet()) {
                Path file = sources.resolve(source.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                files.add(file);
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            try (StandardJavaFileManager manager = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
                Iterable<? extends JavaFileObject> units = manager.getJavaFileObjectsFromPaths(files);
                List<String> options = List.of("--release", "17", "-classpath", lambdaCore().toString(), "-d",
                        output.toString());
                ByteArrayOutputStream errors = new ByteArrayOutputStream();
                java.io.Writer writer = new java.io.OutputStreamWriter(errors, StandardCharsets.UTF_8);
                if (!compiler.getTask(writer, manager, null, options, null, units).call()) {
                    writer.flush();
                    throw new IllegalStateException("The test functions do not compile:\n" + errors);
                }
            }
            classes = output;
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip with the handlers at its root and aws-lambda-java-core in lib/: Lambda's layout for Java. */
    public static byte[] zipWithLib() {
        return pack(true);
    }

    /** A jar of the handlers alone (no Context interface on the function's class path). */
    public static byte[] jar() {
        return pack(false);
    }

    private static byte[] pack(boolean withLib) {
        Path root = classes();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes);
             Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList()) {
                zip.putNextEntry(new ZipEntry(root.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
            if (withLib) {
                zip.putNextEntry(new ZipEntry("lib/aws-lambda-java-core.jar"));
                zip.write(Files.readAllBytes(lambdaCore()));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Settings for a java17 function with {@code handler}. */
    public static FunctionSettings settings(String handler) {
        return FunctionSettings.none().withRuntime("java17").withHandler(handler)
                .withRole("arn:aws:iam::000000000000:role/lambda");
    }
}
