package io.glaux.iam;

import java.time.Instant;
import java.util.Objects;

/**
 * An access key as a signature check needs it.
 *
 * @param accessKeyId {@code AKIA...} for long-term keys, {@code ASIA...} for temporary ones
 * @param secretAccessKey the secret the request must have been signed with
 * @param sessionToken the token a temporary key's requests must carry ({@code X-Amz-Security-Token}), or null
 * @param expiration when a temporary key stops working, or null for a long-term key
 * @param active false for a key set Inactive ({@code UpdateAccessKey}), which AWS refuses like an unknown one
 * @param principal whom the key signs for
 */
public record SigningCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
        boolean active, Principal principal) {

    public SigningCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(principal, "principal");
    }

    /** Whether the key has expired at {@code now}. */
    public boolean expiredAt(Instant now) {
        return expiration != null && !now.isBefore(expiration);
    }
}
