package io.glaux.iam;

/**
 * A refused {@link AccessRequest}. Its message is AWS's ({@code User: arn:aws:iam::000000000000:user/bob is not
 * authorized to perform: s3:GetObject on resource: "arn:aws:s3:::results/q.csv" because no identity-based policy
 * allows the s3:GetObject action}); {@link #fix()} says which grant would allow it. Each service writes it in its own
 * error shape (S3's AccessDenied, Athena's AccessDeniedException, KMS's AccessDeniedException, ...).
 */
public class AccessDeniedException extends RuntimeException {

    private final transient AccessRequest request;
    private final transient Decision decision;

    public AccessDeniedException(AccessRequest request, Decision decision) {
        super(messageOf(request, decision));
        this.request = request;
        this.decision = decision;
    }

    public AccessRequest request() {
        return request;
    }

    public Decision decision() {
        return decision;
    }

    /** What would allow the request, or empty when nothing names it. */
    public String fix() {
        return decision.fix();
    }

    /**
     * AWS's sentence followed by what would allow the request ({@code ... action. To allow it: Allow s3:GetObject on
     * ...}), as Glaux's services answer a refusal: the first sentence is AWS's, word for word.
     */
    public String messageWithFix() {
        return fix().isEmpty() ? getMessage() : getMessage() + ". To allow it: " + fix();
    }

    /** AWS's sentence for a refusal: who, which action, on what, and why. */
    public static String messageOf(AccessRequest request, Decision decision) {
        StringBuilder message = new StringBuilder("User: ").append(request.principal().arn())
                .append(" is not authorized to perform: ").append(request.action());
        if (!request.resource().equals("*")) {
            message.append(" on resource: ").append(request.resource());
        }
        if (!decision.reason().isEmpty()) {
            message.append(' ').append(decision.reason());
        }
        return message.toString();
    }
}
