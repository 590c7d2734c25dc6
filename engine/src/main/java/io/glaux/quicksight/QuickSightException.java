package io.glaux.quicksight;

/**
 * A QuickSight request the resources refuse, by kind: the API answers each kind with QuickSight's error shape
 * (ResourceNotFoundException, ResourceExistsException, InvalidParameterValueException, ConflictException,
 * LimitExceededException, PreconditionNotMetException), naming the resource type where QuickSight does; a visual
 * whose query fails or times out is QueryFailedException or QueryTimeoutException on Glaux's visual-data endpoint.
 */
public final class QuickSightException extends RuntimeException {

    /** Why the request is refused. */
    public enum Kind {
        NOT_FOUND, EXISTS, INVALID, CONFLICT, LIMIT_EXCEEDED, PRECONDITION_NOT_MET,
        /** A visual's query failed in the engine (Glaux's visual-data endpoint). */
        QUERY_FAILED,
        /** A direct query ran past its time limit (Glaux's visual-data endpoint). */
        QUERY_TIMEOUT,
        /** QuickSight's service role was refused what a call needs (AccessDeniedException). */
        ACCESS_DENIED
    }

    private final Kind kind;
    private final String resourceType;

    public QuickSightException(Kind kind, String resourceType, String message) {
        super(message);
        this.kind = kind;
        this.resourceType = resourceType;
    }

    public static QuickSightException notFound(String resourceType, String message) {
        return new QuickSightException(Kind.NOT_FOUND, resourceType, message);
    }

    public static QuickSightException exists(String resourceType, String message) {
        return new QuickSightException(Kind.EXISTS, resourceType, message);
    }

    public static QuickSightException invalid(String message) {
        return new QuickSightException(Kind.INVALID, null, message);
    }

    public static QuickSightException conflict(String resourceType, String message) {
        return new QuickSightException(Kind.CONFLICT, resourceType, message);
    }

    public Kind kind() {
        return kind;
    }

    /** QuickSight's ExceptionResourceType (DATA_SOURCE, DATA_SET, INGESTION, ...), or null. */
    public String resourceType() {
        return resourceType;
    }
}
