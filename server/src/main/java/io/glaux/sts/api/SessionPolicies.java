package io.glaux.sts.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.aws.protocol.QueryInput;
import io.glaux.aws.protocol.ServiceError;
import io.glaux.iam.directory.IamDirectory;
import io.glaux.iam.directory.IamException;
import io.glaux.iam.policy.PolicyDocument;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The session policies an AssumeRole request passes, checked as STS checks them before it hands out a session: the
 * inline {@code Policy} must be an identity policy (else 400 MalformedPolicyDocument with the policy language's
 * message), each of the up to 10 {@code PolicyArns} a managed policy the account knows, customer or AWS managed
 * (else 400 MalformedPolicyDocument, the one AssumeRole error about session policies, naming the ARN), and the two
 * together must fit STS's packed size.
 *
 * <p>{@link #packedPolicySize()}: AWS packs the session policies into a compressed binary form whose format it does
 * not document and answers how full it is, in percent. Glaux computes an honest stand-in: the inline policy with its
 * insignificant whitespace removed plus the managed policies' ARNs, in characters, against the 2,048 characters
 * AWS allows their plaintext, rounded up. Above 100 % the request is refused with 400 PackedPolicyTooLarge.
 */
record SessionPolicies(String policy, List<String> policyArns, Integer packedPolicySize) {

    /** The most managed session policies AssumeRole takes. */
    static final int MAX_POLICY_ARNS = 10;
    /** The plaintext that STS allows the inline and managed session policies together. */
    static final int PLAINTEXT_LIMIT = 2048;

    private static final Pattern SESSION_POLICY = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads and checks the request's {@code Policy} and {@code PolicyArns}. */
    static SessionPolicies read(QueryInput in, IamDirectory directory, Pattern arnPattern) {
        String policy = in.string("Policy", 1, PLAINTEXT_LIMIT, SESSION_POLICY);
        List<String> arns = in.structures("PolicyArns", MAX_POLICY_ARNS).stream()
                .map(descriptor -> descriptor.requiredString("arn", 20, 2048, arnPattern)).toList();
        int size = 0;
        if (policy != null) {
            size += compacted(PolicyDocument.parse(policy, PolicyDocument.Kind.IDENTITY).text()).length();
        }
        for (String arn : arns) {
            try {
                directory.policy(arn);
            } catch (IamException unknown) {
                throw new ServiceError(400, "MalformedPolicyDocument", "Policy " + arn
                        + " does not exist or is not attachable.");
            }
            size += arn.length();
        }
        if (policy == null && arns.isEmpty()) {
            return new SessionPolicies(null, List.of(), null);
        }
        int percent = (size * 100 + PLAINTEXT_LIMIT - 1) / PLAINTEXT_LIMIT;
        if (percent > 100) {
            throw new ServiceError(400, "PackedPolicyTooLarge", "Packed policy consumes " + percent
                    + "% of allotted space, please use smaller policy for assume role.");
        }
        return new SessionPolicies(policy, arns, percent);
    }

    /** The JSON without insignificant whitespace. */
    private static String compacted(String json) {
        try {
            return JSON.writeValueAsString(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            return json; // parsed as a policy already, so not reached
        }
    }
}
