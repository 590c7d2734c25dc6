package io.glaux.error;

/** Athena's AthenaError.ErrorCategory: who caused the failure. */
public enum ErrorCategory {
    SYSTEM(1), USER(2), OTHER(3);

    private final int code;

    ErrorCategory(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
