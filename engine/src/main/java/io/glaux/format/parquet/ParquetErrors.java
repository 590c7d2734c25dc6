package io.glaux.format.parquet;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.error.TrinoErrorCode;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reports failures the way Athena does: bad data as DATA_ERROR naming the object (HIVE_CANNOT_OPEN_SPLIT when the
 * footer cannot be read, HIVE_CURSOR_ERROR while reading rows). Failures of the object source itself (I/O,
 * cancellation) pass through unchanged, however deep Parquet wrapped them.
 */
final class ParquetErrors {

    private ParquetErrors() {
    }

    static RuntimeException openFailure(Throwable failure, String objectName, long size) throws IOException {
        return translate(failure, TrinoErrorCode.HIVE_CANNOT_OPEN_SPLIT, "Error opening Hive split " + objectName
                + " (offset=0, length=" + size + "): ");
    }

    static RuntimeException readFailure(Throwable failure, String objectName) throws IOException {
        return translate(failure, TrinoErrorCode.HIVE_CURSOR_ERROR, "Failed to read Parquet file: " + objectName
                + ": ");
    }

    private static RuntimeException translate(Throwable failure, TrinoErrorCode code, String prefix)
            throws IOException {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof GlauxException glaux) {
                return glaux;
            }
            if (t instanceof RangedSeekableInputStream.SourceReadException source) {
                throw (IOException) source.getCause();
            }
            if (t instanceof InterruptedException || t instanceof java.io.InterruptedIOException) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while reading Parquet", t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return new GlauxException(ErrorType.DATA_ERROR, code, prefix + describe(failure), failure);
    }

    private static String describe(Throwable failure) {
        Throwable shown = failure;
        while ((shown instanceof UncheckedIOException || shown.getMessage() == null) && shown.getCause() != null) {
            shown = shown.getCause();
        }
        return shown.getMessage() != null ? shown.getMessage() : shown.getClass().getSimpleName();
    }
}
