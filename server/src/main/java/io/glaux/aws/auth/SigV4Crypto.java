package io.glaux.aws.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The hashes SigV4 is made of: hex SHA-256 and HMAC-SHA256, from the JDK's providers. */
final class SigV4Crypto {

    /** The hex SHA-256 of no bytes, the payload hash of an empty body. */
    static final String EMPTY_SHA256 = sha256Hex(new byte[0]);

    private SigV4Crypto() {
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256", e);
        }
    }

    static byte[] hmacSha256(byte[] key, String data) {
        return hmac("HmacSHA256", key, data.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(String algorithm, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK has no " + algorithm, e);
        }
    }

    /** Compares two signatures in time independent of where they differ. */
    static boolean sameSignature(String expected, String provided) {
        return provided != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                provided.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
