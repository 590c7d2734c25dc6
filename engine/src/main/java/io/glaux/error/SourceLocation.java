package io.glaux.error;

/**
 * A 1-based line and column in SQL text: where an error arose, as Trino's {@code Location}. Positions are computed
 * from offsets and moved between texts here, so that no message ever has to be re-read for its position.
 */
public record SourceLocation(int line, int column) {

    public SourceLocation {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("Lines and columns start at 1: " + line + ":" + column);
        }
    }

    /** The location of the 0-based {@code offset} in {@code text} (an offset past the end is just after it). */
    public static SourceLocation ofOffset(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourceLocation(line, Math.max(0, offset - lineStart) + 1);
    }

    /** The 0-based offset of this location in {@code text}, clamped to the text (a line past the last is on it). */
    public int offsetIn(String text) {
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int next = text.indexOf('\n', offset);
            if (next < 0) {
                break;
            }
            offset = next + 1;
        }
        return Math.min(text.length(), offset + column - 1);
    }

    /**
     * This location, taken in a text that is embedded in a larger one starting at {@code origin}, as a location in
     * the larger text: the first line moves right by the origin's column, every line down by its line.
     */
    public SourceLocation within(SourceLocation origin) {
        return new SourceLocation(line + origin.line - 1, line == 1 ? column + origin.column - 1 : column);
    }
}
