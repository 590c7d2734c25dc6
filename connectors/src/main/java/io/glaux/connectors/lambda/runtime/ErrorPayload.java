package io.glaux.connectors.lambda.runtime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A function error as Lambda's Java runtime writes it: {@code {"errorMessage": ..., "errorType": ...,
 * "stackTrace": [...], "cause": {...}}}, the stack trace cut where the runtime's own reflective call begins, so it
 * shows the handler's frames only. Written by hand: no JSON library is on a function's class path but its own.
 */
public final class ErrorPayload {

    private ErrorPayload() {
    }

    /** The error of a throwable the handler threw (its class name as the type). */
    public static byte[] of(Throwable error) {
        StringBuilder json = new StringBuilder();
        append(json, error, 0);
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An error without a stack trace, such as the runtime's own ({@code Runtime.ExitError}). */
    public static byte[] of(String errorType, String errorMessage) {
        StringBuilder json = new StringBuilder("{\"errorMessage\":");
        quote(json, errorMessage);
        if (errorType != null) {
            json.append(",\"errorType\":");
            quote(json, errorType);
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void append(StringBuilder json, Throwable error, int depth) {
        json.append('{');
        if (error.getMessage() != null) {
            json.append("\"errorMessage\":");
            quote(json, error.getMessage());
            json.append(',');
        }
        json.append("\"errorType\":");
        quote(json, error.getClass().getName());
        json.append(",\"stackTrace\":[");
        List<String> frames = handlerFrames(error);
        for (int i = 0; i < frames.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            quote(json, frames.get(i));
        }
        json.append(']');
        Throwable cause = error.getCause();
        if (cause != null && cause != error && depth < 8) {
            json.append(",\"cause\":");
            append(json, cause, depth + 1);
        }
        json.append('}');
    }

    /** The frames above the runtime's reflective call of the handler (all of them when there is none). */
    static List<String> handlerFrames(Throwable error) {
        List<String> frames = new ArrayList<>();
        for (StackTraceElement frame : error.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith("jdk.internal.reflect.") || type.startsWith("java.lang.reflect.")
                    || type.startsWith(ErrorPayload.class.getPackageName() + ".")) {
                break;
            }
            frames.add(frame.toString());
        }
        return frames;
    }

    /** Appends {@code text} as a JSON string. */
    public static void quote(StringBuilder json, String text) {
        if (text == null) {
            json.append("null");
            return;
        }
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
