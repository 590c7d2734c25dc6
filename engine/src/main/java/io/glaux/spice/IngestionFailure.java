package io.glaux.spice;

/** Ends an ingestion as FAILED with the given ErrorInfo. */
final class IngestionFailure extends RuntimeException {

    private final IngestionErrorType type;

    IngestionFailure(IngestionErrorType type, String message) {
        super(message);
        this.type = type;
    }

    IngestionFailure(ErrorInfo error) {
        this(error.type(), error.message());
    }

    IngestionFailure(ErrorInfo error, Throwable cause) {
        this(error.type(), error.message(), cause);
    }

    IngestionFailure(IngestionErrorType type, String message, Throwable cause) {
        super(message, cause);
        this.type = type;
    }

    ErrorInfo errorInfo() {
        return new ErrorInfo(type, getMessage());
    }
}
