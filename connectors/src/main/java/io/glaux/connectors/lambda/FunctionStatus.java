package io.glaux.connectors.lambda;

/**
 * A function's State and LastUpdateStatus with their reasons, as GetFunction shows them. A new function is Pending
 * (Creating) until its code is unpacked, then Active; an update leaves it Active with LastUpdateStatus InProgress
 * until the new code or configuration is in place, then Successful (or Failed, with a reason).
 */
public record FunctionStatus(String state, String stateReason, String stateReasonCode, String lastUpdateStatus,
                             String lastUpdateStatusReason, String lastUpdateStatusReasonCode) {

    public static final String PENDING = "Pending";
    public static final String ACTIVE = "Active";
    public static final String FAILED = "Failed";
    public static final String IN_PROGRESS = "InProgress";
    public static final String SUCCESSFUL = "Successful";

    static FunctionStatus creating() {
        return new FunctionStatus(PENDING, "The function is being created.", "Creating", IN_PROGRESS,
                "The function is being created.", null);
    }

    static FunctionStatus active() {
        return new FunctionStatus(ACTIVE, null, null, SUCCESSFUL, null, null);
    }

    static FunctionStatus updating() {
        return new FunctionStatus(ACTIVE, null, null, IN_PROGRESS, "The function is being updated.", null);
    }

    static FunctionStatus createFailed(String reason, String code) {
        return new FunctionStatus(FAILED, reason, code, FAILED, reason, code);
    }

    static FunctionStatus updateFailed(String reason, String code) {
        return new FunctionStatus(ACTIVE, null, null, FAILED, reason, code);
    }

    public boolean isActive() {
        return ACTIVE.equals(state);
    }

    public boolean isUpdating() {
        return IN_PROGRESS.equals(lastUpdateStatus);
    }
}
