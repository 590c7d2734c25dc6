package io.glaux.error;

/**
 * A failure reported to the user the way Athena reports it: a type (with its category) and a message such as
 * {@code line 1:8: Column 'x' cannot be resolved}. Any layer may throw it; the query service turns it into a FAILED
 * state with AthenaError.
 */
public class GlauxException extends RuntimeException {

    private final ErrorType type;

    public GlauxException(ErrorType type, String message) {
        super(message);
        this.type = type;
    }

    public GlauxException(ErrorType type, String message, Throwable cause) {
        super(message, cause);
        this.type = type;
    }

    public ErrorType type() {
        return type;
    }

    public static GlauxException user(String message) {
        return new GlauxException(ErrorType.USER_ERROR, message);
    }

    public static GlauxException notFound(String message) {
        return new GlauxException(ErrorType.NOT_FOUND, message);
    }

    public static GlauxException alreadyExists(String message) {
        return new GlauxException(ErrorType.ALREADY_EXISTS, message);
    }

    public static GlauxException syntax(int line, int column, String message) {
        return new GlauxException(ErrorType.SYNTAX_ERROR, "line " + line + ":" + column + ": " + message);
    }

    public static GlauxException data(String message, Throwable cause) {
        return new GlauxException(ErrorType.DATA_ERROR, message, cause);
    }
}
