package io.glaux.catalog;

/**
 * A malformed column type string. {@link #offset()} is the 0-based position in the type text where the problem was
 * found, so a caller that took the text from a larger statement can report a line and column.
 */
public class TypeSyntaxException extends IllegalArgumentException {

    private final int offset;
    private final String reason;

    public TypeSyntaxException(String text, int offset, String reason) {
        super("Invalid type '" + text + "' at position " + (offset + 1) + ": " + reason);
        this.offset = offset;
        this.reason = reason;
    }

    /** 0-based position in the type text. */
    public int offset() {
        return offset;
    }

    /** What was wrong, without the type text: e.g. {@code unknown type 'foo'}. */
    public String reason() {
        return reason;
    }
}
