package io.glaux.kms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Key policies as text: the policy AWS writes for a key created without one, the policy of an AWS managed key, and
 * the check that a policy given by a caller is a JSON object. The policy language itself is checked, and enforced,
 * where permissions are.
 */
final class KeyPolicies {

    static final String DEFAULT_NAME = "default";
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** Refuses a policy that is not a JSON object with MalformedPolicyDocumentException. */
    static String validated(String policy) {
        JsonNode node;
        try {
            node = JSON.readTree(policy);
        } catch (JsonProcessingException e) {
            throw malformed("The key policy is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw malformed("The key policy must be a JSON object");
        }
        if (!node.has("Statement")) {
            throw malformed("The key policy has no Statement");
        }
        return policy;
    }

    private static KmsException malformed(String message) {
        return new KmsException(KmsException.Code.MALFORMED_POLICY, message);
    }
}
