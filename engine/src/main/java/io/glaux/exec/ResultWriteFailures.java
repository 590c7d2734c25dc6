package io.glaux.exec;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.iam.AccessDeniedException;
import io.glaux.kms.KmsException;
import io.glaux.storage.S3Location;

import java.io.IOException;

/**
 * A result object that cannot be written because of its encryption fails the query as Athena reports it: the caller
 * may not use the KMS key ("Access denied when writing output to url: ..."), or KMS cannot use it (disabled, pending
 * deletion, not found), each followed by KMS's own words.
 */
final class ResultWriteFailures {

    /** Writes a result object. */
    @FunctionalInterface
    interface Write<T> {
        T run() throws IOException;
    }

    private ResultWriteFailures() {
    }

    static <T> T translated(S3Location object, Write<T> write) throws IOException {
        try {
            return write.run();
        } catch (AccessDeniedException denied) {
            throw new GlauxException(ErrorType.USER_ERROR, "Access denied when writing output to url: " + object
                    + " . Please ensure you are allowed to access the S3 bucket. If you are encrypting query results"
                    + " with KMS key, please ensure you are allowed to access your KMS key. " + denied.messageWithFix(),
                    denied);
        } catch (KmsException unusable) {
            throw new GlauxException(ErrorType.USER_ERROR, "Error writing output to url: " + object + " : KMS "
                    + unusable.code().shape() + ": " + unusable.getMessage(), unusable);
        }
    }
}
