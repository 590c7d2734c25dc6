package io.glaux.quicksight.expression;

/**
 * A QuickSight expression that cannot be parsed, checked or translated. The message names the problem and ends with
 * the position; {@link #position()} is the 0-based character offset in the expression where the problem is.
 */
public final class ExpressionException extends RuntimeException {
    private final int position;
    private final String problem;

    ExpressionException(String problem, int position) {
        super(problem + " at position " + position);
        this.problem = problem;
        this.position = position;
    }

    /** The 0-based character offset of the problem in the expression. */
    public int position() {
        return position;
    }

    /** The message without its position. */
    public String problem() {
        return problem;
    }
}
