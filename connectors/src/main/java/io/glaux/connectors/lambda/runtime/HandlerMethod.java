package io.glaux.connectors.lambda.runtime;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The function's handler as Lambda's Java runtime finds it from {@code _HANDLER}: {@code package.Class::method} or
 * {@code package.Class} (method {@code handleRequest}), the class loaded and, for an instance method, made once with
 * its no-argument constructor. Glaux runs stream handlers only: {@code (InputStream, OutputStream)} or
 * {@code (InputStream, OutputStream, Context)}, which is what {@code RequestStreamHandler} and the Athena Query
 * Federation SDK's handlers are; a POJO handler ({@code RequestHandler<I, O>}) is refused with a clear error.
 */
final class HandlerMethod {

    private final Method method;
    private final Object target;
    private final boolean takesContext;

    private HandlerMethod(Method method, Object target, boolean takesContext) {
        this.method = method;
        this.target = target;
        this.takesContext = takesContext;
    }

    /**
     * Loads the handler.
     *
     * @throws ClassNotFoundException as Lambda reports a missing class ("Class not found: ...")
     * @throws ReflectiveOperationException when the class cannot be made
     * @throws UnsupportedOperationException for a handler that is not a stream handler
     */
    static HandlerMethod load(String handler, ClassLoader loader) throws ReflectiveOperationException {
        int separator = handler.indexOf("::");
        String className = separator < 0 ? handler : handler.substring(0, separator);
        String methodName = separator < 0 ? "handleRequest" : handler.substring(separator + 2);
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new ClassNotFoundException("Class not found: " + className, e);
        }
        List<Method> named = new ArrayList<>();
        for (Method candidate : type.getMethods()) {
            if (candidate.getName().equals(methodName) && !candidate.isBridge()) {
                named.add(candidate);
            }
        }
        Method chosen = null;
        for (Method candidate : named) {
            if (isStream(candidate, 3) && (chosen == null || chosen.getParameterCount() < 3)) {
                chosen = candidate;
            } else if (isStream(candidate, 2) && chosen == null) {
                chosen = candidate;
            }
        }
        if (chosen == null) {
            if (named.isEmpty()) {
                throw new NoSuchMethodException("No public method named " + methodName + " with appropriate method"
                        + " signature found on class " + className);
            }
            throw new UnsupportedOperationException("Glaux runs stream handlers only: " + className + "::"
                    + methodName + " takes " + describe(named.get(0)) + "; a handler must take (InputStream,"
                    + " OutputStream) or (InputStream, OutputStream, Context), as RequestStreamHandler does");
        }
        Object target = null;
        if (!Modifier.isStatic(chosen.getModifiers())) {
            target = type.getDeclaredConstructor().newInstance();
        }
        return new HandlerMethod(chosen, target, chosen.getParameterCount() == 3);
    }

    /** The type of the context argument, or null for a two-argument handler. */
    Class<?> contextType() {
        return takesContext ? method.getParameterTypes()[2] : null;
    }

    /** Runs the handler; what it throws comes out unwrapped. */
    void invoke(InputStream input, OutputStream output, Object context) throws Throwable {
        try {
            if (takesContext) {
                method.invoke(target, input, output, context);
            } else {
                method.invoke(target, input, output);
            }
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static boolean isStream(Method method, int parameters) {
        Class<?>[] types = method.getParameterTypes();
        return types.length == parameters && types[0] == InputStream.class && types[1] == OutputStream.class
                && (parameters == 2 || !types[2].isPrimitive());
    }

    private static String describe(Method method) {
        return "(" + String.join(", ", Arrays.stream(method.getParameterTypes()).map(Class::getName).toList()) + ")";
    }
}
