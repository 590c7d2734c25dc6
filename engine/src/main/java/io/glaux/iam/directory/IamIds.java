package io.glaux.iam.directory;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The random identifiers IAM and STS hand out: unique ids and access key ids (a four-letter prefix such as
 * {@code AIDA} or {@code AKIA} and 16 characters of {@code [A-Z2-7]}), 40-character secrets and session tokens.
 */
final class IamIds {

    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final SecureRandom random = new SecureRandom();

    /** {@code prefix} and 16 random characters of [A-Z2-7]. */
    String id(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 16; i++) {
            id.append(BASE32[random.nextInt(BASE32.length)]);
        }
        return id.toString();
    }

    /** A 40-character secret access key of [A-Za-z0-9+/]. */
    String secret() {
        byte[] bytes = new byte[30];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** An opaque session token, as long as STS's are. */
    String sessionToken() {
        byte[] bytes = new byte[264];
        random.nextBytes(bytes);
        return "IQoJb3JpZ2luX2VjE" + Base64.getEncoder().encodeToString(bytes);
    }
}
