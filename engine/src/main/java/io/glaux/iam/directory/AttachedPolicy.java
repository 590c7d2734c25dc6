package io.glaux.iam.directory;

/** A managed policy attached to a user, group or role, as ListAttached*Policies names it. */
public record AttachedPolicy(String policyName, String policyArn) {
}
