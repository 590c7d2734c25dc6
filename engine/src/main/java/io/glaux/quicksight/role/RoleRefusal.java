package io.glaux.quicksight.role;

import io.glaux.iam.AccessDeniedException;

/**
 * A refusal of QuickSight's service role: AWS's denial (principal, action, resource, reason) and the table's fix.
 *
 * @param denied what the authorizer answered
 * @param fix what the user does about it
 */
public record RoleRefusal(AccessDeniedException denied, Fix fix) {

    /** AWS's sentence, then the table's fix: {@code User: ... is not authorized to perform: ... . <fix>}. */
    public String message() {
        return denied.getMessage() + ". " + fix.text() + ".";
    }

    /** {@code text} (the reporting service's words, AWS's sentence among them), then the table's fix. */
    public String withFix(String text) {
        return text + ". " + fix.text() + ".";
    }

    /** AWS's sentence alone. */
    public String sentence() {
        return denied.getMessage();
    }
}
