package io.glaux.storage;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Continuation tokens and page sizes shared by the stores. A token is the last key of the previous page, encoded so
 * callers treat it as opaque rather than as a key.
 */
final class ListingPages {

    static final int MAX_KEYS_LIMIT = 1000;

    private ListingPages() {
    }

    static void checkMaxKeys(int maxKeys) {
        if (maxKeys < 1 || maxKeys > MAX_KEYS_LIMIT) {
            throw new IllegalArgumentException("maxKeys must be between 1 and " + MAX_KEYS_LIMIT + ", was " + maxKeys);
        }
    }

    static String tokenAfter(String lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
    }

    /** The key the next page starts after, or null for the first page. */
    static String startAfter(String token) {
        if (token == null) {
            return null;
        }
        String key;
        try {
            key = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid continuation token '" + token + "'");
        }
        try {
            ObjectKeys.validate(key);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("Invalid continuation token '" + token + "'");
        }
        return key;
    }
}
