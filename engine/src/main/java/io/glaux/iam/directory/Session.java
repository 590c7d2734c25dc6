package io.glaux.iam.directory;

import io.glaux.iam.Principal;
import io.glaux.iam.SigningCredentials;

import java.time.Instant;

/**
 * Temporary credentials STS handed out: a role session (AssumeRole) or a user's or root's session
 * (GetSessionToken). Sessions live in memory only and end at {@code expiration}.
 *
 * @param accessKeyId {@code ASIA} and 16 characters
 * @param principal an assumed-role principal for AssumeRole; the user or root for GetSessionToken
 * @param roleArn the assumed role's ARN, or null for GetSessionToken
 * @param policy the session policy passed to AssumeRole, or null
 */
public record Session(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
        Principal principal, String roleArn, String policy) {

    /** As a signature check looks it up. */
    public SigningCredentials credentials() {
        return new SigningCredentials(accessKeyId, secretAccessKey, sessionToken, expiration, true, principal);
    }
}
