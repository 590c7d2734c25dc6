package io.glaux.iam.policy;

/**
 * A policy document that does not parse or breaks the policy grammar for its {@link PolicyDocument.Kind}. The message
 * is IAM's own wording ({@code Syntax errors in policy.}, {@code Policy document should not specify a principal.},
 * ...), so each service can hand it back unchanged in its error shape (IAM's MalformedPolicyDocument, S3's
 * MalformedPolicy, KMS's MalformedPolicyDocumentException).
 */
public class MalformedPolicyDocumentException extends RuntimeException {

    public MalformedPolicyDocumentException(String message) {
        super(message);
    }
}
