package io.glaux.athena.api;



import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * GetQueryResults' NextToken: the query it belongs to and the byte offset of the next row in the result object,
 * with a MAC so only offsets this server handed out are read from (a made-up offset would start mid-row). The key
 * lives as long as the process: a token from before a restart is refused as invalid, as an expired one would be.
 */
record ResultToken(String queryExecutionId, long offset) {

    private static final byte[] KEY = randomKey();
    private static final int MAC_BYTES = 16;

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    static ResultToken first(String queryExecutionId) {
        return new ResultToken(queryExecutionId, 0);
    }

    String encode() {
        String payload = queryExecutionId + ":" + offset;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(payload));
    }

    static ResultToken parse(String token, String queryExecutionId) {
        try {
            int dot = token.indexOf('.');
            if (dot > 0) {
                String text = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)),
                        StandardCharsets.UTF_8);
                byte[] mac = Base64.getUrlDecoder().decode(token.substring(dot + 1));
                int colon = text.lastIndexOf(':');
                if (colon > 0 && text.substring(0, colon).equals(queryExecutionId)
                        && MessageDigest.isEqual(mac, mac(text))) {
                    long offset = Long.parseLong(text.substring(colon + 1));
                    if (offset >= 0) {
                        return new ResultToken(queryExecutionId, offset);
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // fall through: not one of ours
        }
        throw AthenaErrors.invalidRequest("Invalid NextToken for query " + queryExecutionId);
    }

    private static byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            byte[] full = mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
            return java.util.Arrays.copyOf(full, MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
