package io.glaux.iam.directory;

import java.util.Objects;

/**
 * A refusal of the directory, in IAM's words, with the IAM error code the API answers it with.
 */
public class IamException extends RuntimeException {

    /** IAM's error codes for what the directory refuses (the model's error shapes). */
    public enum Code {
        NO_SUCH_ENTITY("NoSuchEntity"),
        ENTITY_ALREADY_EXISTS("EntityAlreadyExists"),
        LIMIT_EXCEEDED("LimitExceeded"),
        DELETE_CONFLICT("DeleteConflict"),
        MALFORMED_POLICY_DOCUMENT("MalformedPolicyDocument"),
        INVALID_INPUT("InvalidInput"),
        UNMODIFIABLE_ENTITY("UnmodifiableEntity");

        private final String awsCode;

        Code(String awsCode) {
            this.awsCode = awsCode;
        }

        /** The code as IAM answers it ({@code NoSuchEntity}). */
        public String awsCode() {
            return awsCode;
        }
    }

    private final Code code;

    public IamException(Code code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code);
    }

    public Code code() {
        return code;
    }

    static IamException noSuch(String message) {
        return new IamException(Code.NO_SUCH_ENTITY, message);
    }

    static IamException exists(String message) {
        return new IamException(Code.ENTITY_ALREADY_EXISTS, message);
    }

    static IamException conflict(String message) {
        return new IamException(Code.DELETE_CONFLICT, message);
    }

    static IamException limit(String message) {
        return new IamException(Code.LIMIT_EXCEEDED, message);
    }

    static IamException invalid(String message) {
        return new IamException(Code.INVALID_INPUT, message);
    }
}
