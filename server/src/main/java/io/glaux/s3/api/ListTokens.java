package io.glaux.s3.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Paging parameters of S3's listings: page sizes and opaque continuation tokens (the last entry, encoded). */
final class ListTokens {

    private ListTokens() {
    }

    static String encode(String last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(last.getBytes(StandardCharsets.UTF_8));
    }

    /** The entry a token continues after, or null for no token; a token Glaux did not make is InvalidArgument. */
    static String decode(String token, String parameter) {
        if (token == null) {
            return null;
        }
        try {
            String last = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!last.isEmpty() && encode(last).equals(token)) {
                return last;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw S3Errors.invalidArgument("The continuation token provided is incorrect", parameter, token);
    }

    /**
     * A {@code max-keys}-like parameter: {@code fallback} when absent, at most {@code limit} (larger values are
     * clipped, as S3 does); not a non-negative integer: InvalidArgument.
     */
    static int maxKeys(String value, String parameter, int fallback, int limit) {
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= 0) {
                return (int) Math.min(parsed, limit);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw S3Errors.invalidArgument("Provided " + parameter + " not an integer or within integer range",
                parameter, value);
    }
}
