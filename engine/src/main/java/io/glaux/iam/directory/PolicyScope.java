package io.glaux.iam.directory;

/** Which managed policies ListPolicies lists: all, AWS managed only, or the account's own (Local). */
public enum PolicyScope {
    ALL,
    AWS,
    LOCAL
}
