package io.glaux.kms;

import io.glaux.iam.policy.MalformedPolicyDocumentException;
import io.glaux.iam.policy.PolicyDocument;

/**
 * Key policies as text: the policy AWS writes for a key created without one, the policy of an AWS managed key, and
 * the check that a policy given by a caller is a valid resource policy. They are enforced by {@link KeyPolicyLookup}
 * and {@link KmsAccess}.
 */
final class KeyPolicies {

    static final String DEFAULT_NAME = "default";

    private KeyPolicies() {
    }

    /** AWS's default key policy: the account's root may do everything, so IAM policies decide who may use the key. */
    static String defaultPolicy(String accountId) {
        return """
                {
                  "Version" : "2012-10-17",
                  "Id" : "key-default-1",
                  "Statement" : [ {
                    "Sid" : "Enable IAM User Permissions",
                    "Effect" : "Allow",
                    "Principal" : {
                      "AWS" : "arn:aws:iam::%s:root"
                    },
                    "Action" : "kms:*",
                    "Resource" : "*"
                  } ]
                }""".formatted(accountId);
    }

    /**
     * The policy of an AWS managed key ({@code alias/aws/<service>}): any principal of the account may use it through
     * that service, and read its metadata directly.
     */
    static String awsManagedPolicy(String accountId, String service, String region) {
        return """
                {
                  "Version" : "2012-10-17",
                  "Id" : "auto-%1$s-1",
                  "Statement" : [ {
                    "Sid" : "Allow access through %1$s for all principals in the account that are authorized to use %1$s",
                    "Effect" : "Allow",
                    "Principal" : {
                      "AWS" : "*"
                    },
                    "Action" : [ "kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey" ],
                    "Resource" : "*",
                    "Condition" : {
                      "StringEquals" : {
                        "kms:CallerAccount" : "%2$s",
                        "kms:ViaService" : "%1$s.%3$s.amazonaws.com"
                      }
                    }
                  }, {
                    "Sid" : "Allow direct access to key metadata to the account",
                    "Effect" : "Allow",
                    "Principal" : {
                      "AWS" : "arn:aws:iam::%2$s:root"
                    },
                    "Action" : [ "kms:Describe*", "kms:Get*", "kms:List*" ],
                    "Resource" : "*"
                  } ]
                }""".formatted(service, accountId, region);
    }

    /**
     * Checks a caller's policy with the policy language's grammar for a resource policy (every statement names a
     * Principal; actions, resources and conditions well formed) and refuses a bad one with KMS's
     * MalformedPolicyDocumentException, whose message is the grammar's.
     */
    static String validated(String policy) {
        try {
            PolicyDocument.parse(policy, PolicyDocument.Kind.RESOURCE);
        } catch (MalformedPolicyDocumentException e) {
            throw malformed(e.getMessage());
        }
        return policy;
    }

    private static KmsException malformed(String message) {
        return new KmsException(KmsException.Code.MALFORMED_POLICY, message);
    }
}
