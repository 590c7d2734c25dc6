package io.glaux.s3.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** HTTP dates ({@code Last-Modified}, {@code If-Modified-Since}): RFC 1123 in GMT, at whole seconds. */
final class HttpDates {

    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    static String format(Instant instant) {
        return RFC_1123.format(instant);
    }

    /** The date, or null when the text is not an HTTP date (S3 then ignores the condition). */
    static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(text.trim()));
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text.trim());
            } catch (DateTimeParseException notIso) {
                return null;
            }
        }
    }
}
