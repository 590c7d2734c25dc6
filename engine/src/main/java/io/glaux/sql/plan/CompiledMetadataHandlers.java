package io.glaux.sql.plan;

import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.JaninoRelMetadataProvider;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.MetadataHandlerProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Calcite's metadata handlers for a provider, as the build compiled them ({@link MetadataHandlerCompiler}), so that
 * planning never compiles them at run time. Calcite generates each kind of metadata's handler (the dispatch from a
 * plan node's class to the provider's handler methods, with the metadata query's cache) as Java source and compiles
 * it with Janino on first use: at a start, about a third of the first planning's CPU and much of the JIT compilers'
 * work on Janino itself.
 *
 * <p>A compiled handler is used when it was made from the same handlers: their classes, in order, as its constructor
 * takes them, and the same handler methods ({@link #fingerprint}). Otherwise (a handler changed since the build, a
 * provider the build did not compile, a build without that step) the kind falls back to Janino at run time, with the
 * same answers.
 */
final class CompiledMetadataHandlers implements MetadataHandlerProvider {

    /** Where the build puts the compiled handlers. */
    static final String PACKAGE = "io.glaux.sql.plan.handlers";

    /** The static field of a compiled handler holding {@link #fingerprint} of what it was made from. */
    static final String FINGERPRINT_FIELD = "GLAUX_FINGERPRINT";

    private final RelMetadataProvider provider;
    private final JaninoRelMetadataProvider atRunTime;
    private final ConcurrentMap<Class<?>, MetadataHandler<?>> handlers = new ConcurrentHashMap<>();

    CompiledMetadataHandlers(RelMetadataProvider provider) {
        this.provider = provider;
        this.atRunTime = JaninoRelMetadataProvider.of(provider);
    }

    /** Every kind of Calcite's built-in metadata, by its handler interface. */
    static List<Class<? extends MetadataHandler<?>>> kinds() {
        List<Class<? extends MetadataHandler<?>>> kinds = new ArrayList<>();
        for (Class<?> metadata : BuiltInMetadata.class.getDeclaredClasses()) {
            for (Class<?> handler : metadata.getDeclaredClasses()) {
                if (handler.isInterface() && MetadataHandler.class.isAssignableFrom(handler)) {
                    @SuppressWarnings("unchecked")
                    Class<? extends MetadataHandler<?>> kind = (Class<? extends MetadataHandler<?>>) handler;
                    kinds.add(kind);
                }
            }
        }
        kinds.sort((a, b) -> a.getName().compareTo(b.getName()));
        return kinds;
    }

    /** The handlers a provider gives for a kind of metadata, each once, as Calcite's generated handler takes them. */
    static List<MetadataHandler<?>> handlersOf(RelMetadataProvider provider, Class<? extends MetadataHandler<?>> kind) {
        return provider.handlers(kind).stream().distinct().<MetadataHandler<?>>map(h -> h).toList();
    }

    /** The compiled handler's class name: Calcite's name for the generated handler, in {@link #PACKAGE}. */
    static String className(Class<? extends MetadataHandler<?>> kind) {
        String simple = kind.getSimpleName();
        if (simple.equals("Handler")) {
            String[] parts = kind.getName().split("[.$]");
            simple = parts[parts.length - 2] + parts[parts.length - 1];
        }
        return PACKAGE + ".GeneratedMetadata_" + simple;
    }

    /**
     * What a generated handler's code depends on beyond its constructor's types: each handler's public methods of
     * the kind's method names, with their parameter types (the dispatch is by the first parameter's class). A
     * 64-bit hash of their sorted signatures, in hexadecimal.
     */
    static String fingerprint(Class<? extends MetadataHandler<?>> kind, List<MetadataHandler<?>> handlers) {
        Set<String> names = MetadataHandler.handlerMethods(kind).keySet();
        StringBuilder text = new StringBuilder(kind.getName());
        for (MetadataHandler<?> handler : handlers) {
            Set<String> signatures = new TreeSet<>();
            for (Method method : handler.getClass().getMethods()) {
                if (names.contains(method.getName()) && !Modifier.isStatic(method.getModifiers())) {
                    signatures.add(method.getName() + Arrays.toString(method.getParameterTypes()) + ":"
                            + method.getReturnType().getName());
                }
            }
            text.append('|').append(handler.getClass().getName()).append(signatures);
        }
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
        }
        return Long.toHexString(hash);
    }

    @Override
    public <MH extends MetadataHandler<?>> MH handler(Class<MH> handlerClass) {
        return handlerClass.cast(handlers.computeIfAbsent(handlerClass, kind -> make(handlerClass)));
    }

    /** The same handler: a compiled handler (as Janino's generated one) dispatches every plan node class. */
    @Override
    public <MH extends MetadataHandler<?>> MH revise(Class<MH> handlerClass) {
        return handler(handlerClass);
    }

    /** Whether this kind is served by the build's compiled handler (false: Janino compiles it at run time). */
    boolean isCompiled(Class<? extends MetadataHandler<?>> kind) {
        return handler(kind).getClass().getName().equals(className(kind));
    }

    private <MH extends MetadataHandler<?>> MetadataHandler<?> make(Class<MH> kind) {
        List<MetadataHandler<?>> unique = handlersOf(provider, kind);
        Constructor<?> constructor = compiledConstructor(kind, unique);
        if (constructor == null) {
            return atRunTime.revise(kind);
        }
        try {
            return kind.cast(constructor.newInstance(unique.toArray()));
        } catch (ReflectiveOperationException e) {
            return atRunTime.revise(kind);
        }
    }

    /** The compiled handler's constructor, if the build compiled one from these handlers. */
    private static Constructor<?> compiledConstructor(Class<? extends MetadataHandler<?>> kind,
                                                      List<MetadataHandler<?>> handlers) {
        Class<?> compiled;
        try {
            compiled = Class.forName(className(kind), true, CompiledMetadataHandlers.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        Constructor<?>[] constructors = compiled.getConstructors();
        if (!kind.isAssignableFrom(compiled) || constructors.length != 1) {
            return null;
        }
        Class<?>[] expected = handlers.stream().map(Object::getClass).toArray(Class<?>[]::new);
        if (!Arrays.equals(constructors[0].getParameterTypes(), expected)) {
            return null;
        }
        try {
            Field field = compiled.getField(FINGERPRINT_FIELD);
            return fingerprint(kind, handlers).equals(field.get(null)) ? constructors[0] : null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
