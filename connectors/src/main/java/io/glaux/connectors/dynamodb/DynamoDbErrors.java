package io.glaux.connectors.dynamodb;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * DynamoDB failures as Athena reports a connector's: {@code GENERIC_USER_ERROR: } and a message naming the catalog
 * and what was being done, with DynamoDB's own message (never credentials, never a stack trace).
 */
final class DynamoDbErrors {

    private DynamoDbErrors() {
    }

    /**
     * @param doing what failed, such as {@code "reading table default.Orders"}
     */
    static GlauxException of(DynamoDbConnectionConfig config, String doing, SdkException e) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails() == null ? firstLine(service.getMessage())
                    : firstLine(service.awsErrorDetails().errorMessage());
            return new GlauxException(ErrorType.USER_ERROR, "GENERIC_USER_ERROR: Catalog '" + config.catalog()
                    + "', " + doing + ": " + message + (code == null ? "" : " (" + code + ")"), e);
        }
        return new GlauxException(ErrorType.USER_ERROR, "GENERIC_USER_ERROR: Catalog '" + config.catalog()
                + "' cannot reach DynamoDB at " + config.describe() + " (" + doing + "): "
                + firstLine(rootMessage(e)), e);
    }

    static GlauxException of(DynamoDbConnectionConfig config, String doing, String problem) {
        return new GlauxException(ErrorType.USER_ERROR, "GENERIC_USER_ERROR: Catalog '" + config.catalog() + "', "
                + doing + ": " + problem);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        String message = e.getMessage();
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            if (cause.getMessage() != null) {
                message = cause.getClass().getSimpleName() + ": " + cause.getMessage();
            }
        }
        return message;
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "unknown DynamoDB error";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
