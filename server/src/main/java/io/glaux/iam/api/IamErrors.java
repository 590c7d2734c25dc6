package io.glaux.iam.api;

import io.glaux.aws.protocol.ServiceError;
import io.glaux.iam.directory.IamException;
import io.glaux.iam.policy.MalformedPolicyDocumentException;

/** The IAM model's error shapes and statuses for the directory's refusals. */
public final class IamErrors {

    private IamErrors() {
    }

    /** The error to answer for {@code error}, or null when it is not a refusal of the directory. */
    public static ServiceError translate(Exception error) {
        if (error instanceof IamException iam) {
            return new ServiceError(statusOf(iam.code()), iam.code().awsCode(), iam.getMessage());
        }
        if (error instanceof MalformedPolicyDocumentException malformed) {
            return new ServiceError(400, "MalformedPolicyDocument", malformed.getMessage());
        }
        return null;
    }

    static int statusOf(IamException.Code code) {
        return switch (code) {
            case NO_SUCH_ENTITY -> 404;
            case ENTITY_ALREADY_EXISTS, LIMIT_EXCEEDED, DELETE_CONFLICT -> 409;
            case MALFORMED_POLICY_DOCUMENT, INVALID_INPUT, UNMODIFIABLE_ENTITY -> 400;
        };
    }
}
