package io.glaux.error;

import java.util.Optional;

/**
 * A failure reported to the user the way Athena reports it. It carries Athena's error type (with its category) and,
 * as Trino's exceptions do, the parts of the message as fields: the Trino error code (optional), the location in
 * the SQL text it refers to (optional) and the detail, the message without either. Any layer may throw it; the
 * query service turns it into a FAILED state with AthenaError, and the text users read is made from the fields in
 * one place, {@link AthenaMessages} (which {@link #getMessage()} also answers with), e.g.
 * {@code COLUMN_NOT_FOUND: line 1:8: Column 'x' cannot be resolved}.
 */
public class GlauxException extends RuntimeException {

    private final ErrorType type;
    private final TrinoErrorCode trinoCode;
    private final SourceLocation location;
    private final String detail;

    /** An error whose whole message is {@code message} (no Trino code or location of its own). */
    public GlauxException(ErrorType type, String message) {
        this(type, null, null, message, null);
    }

    /** An error whose whole message is {@code message} (no Trino code or location of its own). */
    public GlauxException(ErrorType type, String message, Throwable cause) {
        this(type, null, null, message, cause);
    }

    /** An error with a Trino code and no location. */
    public GlauxException(ErrorType type, TrinoErrorCode trinoCode, String detail) {
        this(type, trinoCode, null, detail, null);
    }

    /** An error with a Trino code and no location. */
    public GlauxException(ErrorType type, TrinoErrorCode trinoCode, String detail, Throwable cause) {
        this(type, trinoCode, null, detail, cause);
    }

    /**
     * @param trinoCode Trino's error code, or null
     * @param location  where in the SQL text the error is, or null
     * @param detail    the message without code or location
     */
    public GlauxException(ErrorType type, TrinoErrorCode trinoCode, SourceLocation location, String detail,
                          Throwable cause) {
        super(null, cause);
        this.type = type;
        this.trinoCode = trinoCode;
        this.location = location;
        this.detail = detail;
    }

    public ErrorType type() {
        return type;
    }

    /** Trino's error code, when the error has one. */
    public Optional<TrinoErrorCode> trinoCode() {
        return Optional.ofNullable(trinoCode);
    }

    /** Where in the SQL text the error is, when it refers to a place in it. */
    public Optional<SourceLocation> location() {
        return Optional.ofNullable(location);
    }

    /** The message without the Trino code and location (null only for an untyped error made without one). */
    public String detail() {
        return detail;
    }

    /** The message Athena shows: {@link AthenaMessages#message}. */
    @Override
    public String getMessage() {
        return AthenaMessages.message(this);
    }

    /**
     * The same error at another location (its cause and stack trace kept): for errors found in a piece of text that
     * sits elsewhere in what the user wrote.
     */
    public GlauxException at(SourceLocation newLocation) {
        GlauxException moved = new GlauxException(type, trinoCode, newLocation, detail, getCause());
        moved.setStackTrace(getStackTrace());
        return moved;
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

    /** A parse error at a 1-based line and column (a smaller value is taken as 1). */
    public static GlauxException syntax(int line, int column, String message) {
        return syntax(new SourceLocation(Math.max(1, line), Math.max(1, column)), message);
    }

    /** A parse error at a location. */
    public static GlauxException syntax(SourceLocation location, String message) {
        return new GlauxException(ErrorType.SYNTAX_ERROR, TrinoErrorCode.SYNTAX_ERROR, location, message, null);
    }

    public static GlauxException data(String message, Throwable cause) {
        return new GlauxException(ErrorType.DATA_ERROR, message, cause);
    }
}
