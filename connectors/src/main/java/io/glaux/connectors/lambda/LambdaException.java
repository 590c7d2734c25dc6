package io.glaux.connectors.lambda;

/**
 * A refusal of the Lambda service, as data: what kind it is (the Lambda API answers each kind with its own error
 * shape) and Lambda's message. A function's own failure is never one of these: it is an {@link Invocation} with a
 * function error.
 */
public final class LambdaException extends RuntimeException {

    /** The kinds of refusal, each one error shape of Lambda's API. */
    public enum Kind {
        /** ResourceNotFoundException (404): no such function, or a qualifier Glaux does not have. */
        NOT_FOUND,
        /** ResourceConflictException (409): the function exists already, is not Active, or is being updated. */
        CONFLICT,
        /** InvalidParameterValueException (400): a value Lambda refuses (runtime, handler, code, environment...). */
        INVALID,
        /** PreconditionFailedException (412): the RevisionId given is not the function's. */
        PRECONDITION_FAILED,
        /** CodeStorageExceededException (400): the account's code storage would be exceeded. */
        CODE_STORAGE_EXCEEDED,
        /** RequestEntityTooLargeException (413): a deployment package over Lambda's 50 MB. */
        TOO_LARGE,
        /** TooManyRequestsException (429): every process of the function stayed busy. */
        THROTTLED,
        /** ServiceException (500): Glaux itself failed (a file could not be written). */
        SERVICE
    }

    private final Kind kind;

    public LambdaException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public LambdaException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static LambdaException notFound(String arn) {
        return new LambdaException(Kind.NOT_FOUND, "Function not found: " + arn);
    }

    static LambdaException invalid(String message) {
        return new LambdaException(Kind.INVALID, message);
    }
}
