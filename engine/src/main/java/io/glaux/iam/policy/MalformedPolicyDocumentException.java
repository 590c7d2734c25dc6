package io.glaux.iam.policy;

/** A policy document that is not valid (placeholder until the policy language lands). */
public class MalformedPolicyDocumentException extends RuntimeException {

    public MalformedPolicyDocumentException(String message) {
        super(message);
    }
}
