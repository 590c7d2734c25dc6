package io.glaux.format.text;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.error.TrinoErrorCode;

/** Builds the DATA_ERROR raised for malformed text objects, naming the object and the line as Athena does. */
public final class BadData {

    private BadData() {
    }

    /**
     * {@code HIVE_BAD_DATA: Error parsing <format> in <object> at line <n>: <detail>}.
     *
     * @param format what was being parsed, e.g. {@code CSV} or {@code JSON}
     */
    public static GlauxException at(String format, String objectName, long line, String detail, Throwable cause) {
        String message = "Error parsing " + format + " in " + objectName + " at line " + line + ": " + detail;
        return new GlauxException(ErrorType.DATA_ERROR, TrinoErrorCode.HIVE_BAD_DATA, message, cause);
    }

    /** The exception's message, or its class name when it has none, on one line. */
    public static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
