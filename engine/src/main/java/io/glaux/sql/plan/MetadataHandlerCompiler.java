package io.glaux.sql.plan;

import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.janino.RelMetadataHandlerGeneratorUtil;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build's step that compiles Calcite's metadata handlers for the planner's provider
 * ({@link PlannerMetadata#PROVIDER}) into class files beside Glaux's own, in {@link CompiledMetadataHandlers#PACKAGE}:
 * for each kind of built-in metadata, the source Calcite generates for Janino at run time, compiled by the same
 * Janino, with the {@link CompiledMetadataHandlers#fingerprint} of the handlers it was made from as a constant.
 *
 * <pre>
 * java -cp ... io.glaux.sql.plan.MetadataHandlerCompiler CLASSES_FOLDER
 * </pre>
 */
public final class MetadataHandlerCompiler {

    private static final Pattern PACKAGE_LINE = Pattern.compile("(?m)^package [\\w.]+;");
    private static final Pattern CLASS_LINE = Pattern.compile("(?m)^public final class (\\w+)\\n[^{]*\\{\\n");

    private MetadataHandlerCompiler() {
    }

    public static void main(String[] args) throws IOException, CompileException {
        if (args.length != 1) {
            System.err.println("Usage: MetadataHandlerCompiler CLASSES_FOLDER");
            System.exit(2);
        }
        Path classes = Path.of(args[0]);
        int written = 0;
        for (Class<? extends MetadataHandler<?>> kind : CompiledMetadataHandlers.kinds()) {
            for (Map.Entry<String, byte[]> compiled : compile(PlannerMetadata.PROVIDER, kind).entrySet()) {
                Path file = classes.resolve(compiled.getKey().replace('.', '/') + ".class");
                Files.createDirectories(file.getParent());
                Files.write(file, compiled.getValue());
                written++;
            }
        }
        System.out.println("Compiled " + written + " metadata handler classes into " + classes.resolve(
                CompiledMetadataHandlers.PACKAGE.replace('.', '/')));
    }

    /** One kind's handler for {@code provider}: class names and their bytes. */
    static Map<String, byte[]> compile(RelMetadataProvider provider, Class<? extends MetadataHandler<?>> kind)
            throws CompileException {
        return compileSource(source(provider, kind));
    }

    /** Calcite's generated source of one kind's handler, moved to Glaux's package, with its fingerprint. */
    static String source(RelMetadataProvider provider, Class<? extends MetadataHandler<?>> kind) {
        List<MetadataHandler<?>> handlers = CompiledMetadataHandlers.handlersOf(provider, kind);
        RelMetadataHandlerGeneratorUtil.HandlerNameAndGeneratedCode generated =
                RelMetadataHandlerGeneratorUtil.generateHandler(kind, handlers);
        String expectedName = CompiledMetadataHandlers.className(kind);
        String simpleName = expectedName.substring(expectedName.lastIndexOf('.') + 1);
        if (!generated.getHandlerName().endsWith("." + simpleName)) {
            throw new IllegalStateException("Calcite named the handler of " + kind.getName() + " "
                    + generated.getHandlerName() + ", not " + simpleName);
        }
        String source = PACKAGE_LINE.matcher(generated.getGeneratedCode())
                .replaceFirst("package " + CompiledMetadataHandlers.PACKAGE + ";");
        Matcher classLine = CLASS_LINE.matcher(source);
        if (!classLine.find() || !classLine.group(1).equals(simpleName)) {
            throw new IllegalStateException("Unexpected generated source for " + kind.getName() + ":\n" + source);
        }
        return source.substring(0, classLine.end()) + "  public static final String "
                + CompiledMetadataHandlers.FINGERPRINT_FIELD + " = \""
                + CompiledMetadataHandlers.fingerprint(kind, handlers) + "\";\n" + source.substring(classLine.end());
    }

    private static Map<String, byte[]> compileSource(String source) throws CompileException {
        SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(MetadataHandlerCompiler.class.getClassLoader());
        compiler.cook(source);
        return compiler.getBytecodes();
    }
}
