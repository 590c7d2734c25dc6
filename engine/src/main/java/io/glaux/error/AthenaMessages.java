package io.glaux.error;

/**
 * The one place an error's text is made from its fields, as Athena (engine v3, that is Trino) shows it in
 * StateChangeReason, AthenaError.ErrorMessage and QuickSight's ErrorInfo: {@code <CODE>: line L:C: <detail>}, each
 * part only when the error has it. Syntax errors are shown without their code, as Trino's parser reports them
 * ({@code line 1:8: mismatched input 'x'. Expecting: ...}).
 */
public final class AthenaMessages {

    private AthenaMessages() {
    }

    /**
     * The full message: code, location and detail. Athena shows a query that ran out of resources with its own words
     * alone ({@code Query exhausted resources at this scale factor}), without Trino's code.
     */
    public static String message(GlauxException error) {
        String code = error.trinoCode().filter(c -> c != TrinoErrorCode.SYNTAX_ERROR
                        && c.type() != TrinoErrorType.INSUFFICIENT_RESOURCES).map(c -> c.name() + ": ").orElse("");
        return code + withoutCode(error);
    }

    /**
     * The message without the code: location and detail. Trino words an error about a stored view this way
     * ({@code INVALID_VIEW: Failed analyzing stored view 'v': line 1:8: ...}).
     */
    public static String withoutCode(GlauxException error) {
        return error.location().map(l -> position(l) + ": " + error.detail()).orElse(error.detail());
    }

    /** A location as Trino prints it: {@code line L:C}. */
    public static String position(SourceLocation location) {
        return "line " + location.line() + ":" + location.column();
    }
}
