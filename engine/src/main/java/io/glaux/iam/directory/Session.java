package io.glaux.iam.directory;

import io.glaux.iam.Principal;
import io.glaux.iam.SigningCredentials;

import java.time.Instant;
import java.util.List;

/**
 * Temporary credentials STS handed out: a role session (AssumeRole) or a user's or root's session
 * (GetSessionToken). Sessions live in memory only and end at {@code expiration}.
 *
 * @param accessKeyId {@code ASIA} and 16 characters
 * @param principal an assumed-role principal for AssumeRole (naming this session: {@link Principal#sessionKeyId});
 *     the user or root for GetSessionToken
 * @param roleArn the assumed role's ARN, or null for GetSessionToken
 * @param policy the inline session policy passed to AssumeRole, or null
 * @param policyArns the managed session policies passed to AssumeRole ({@code PolicyArns}), possibly none
 */
public record Session(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
        Principal principal, String roleArn, String policy, List<String> policyArns) {

    public Session {
        policyArns = policyArns == null ? List.of() : List.copyOf(policyArns);
    }

    /** Whether session policies limit this session: an inline one, managed ones, or both. */
    public boolean hasSessionPolicies() {
        return policy != null || !policyArns.isEmpty();
    }

    /** As a signature check looks it up. */
    public SigningCredentials credentials() {
        return new SigningCredentials(accessKeyId, secretAccessKey, sessionToken, expiration, true, principal);
    }
}
