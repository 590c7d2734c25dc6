package io.glaux.quicksight.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The principal ids of QuickSight-managed users and groups, {@code user/<directory>/<uuid>} and
 * {@code group/<directory>/<uuid>}, as QuickSight forms them from its account's identity directory. Glaux has no such
 * directory; it names one per account, {@code d-} and the first ten hex digits of the account id's SHA-256, so the
 * ids keep QuickSight's shape and are stable for an account.
 */
final class Directories {

    private Directories() {
    }

    /** A new principal id of {@code kind} ({@code user} or {@code group}) in the account's directory. */
    static String newPrincipalId(String kind, String accountId) {
        return kind + "/" + directoryId(accountId) + "/" + UUID.randomUUID();
    }

    static String directoryId(String accountId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(accountId.getBytes(StandardCharsets.UTF_8));
            return "d-" + HexFormat.of().formatHex(hash).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
