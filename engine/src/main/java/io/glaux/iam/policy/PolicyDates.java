package io.glaux.iam.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the dates the Date condition operators compare: ISO 8601 ({@code 2024-05-01}, {@code 2024-05-01T12:00:00Z},
 * with an offset or fractions of a second; a time without a zone is UTC) or epoch seconds ({@code 1714564800}).
 */
final class PolicyDates {

    private static final Pattern EPOCH = Pattern.compile("-?\\d+(\\.\\d+)?");

    private PolicyDates() {
    }

    /** The instant {@code text} names, or empty when it is neither form. */
    static Optional<Instant> parse(String text) {
        String value = text.trim();
        if (EPOCH.matcher(value).matches()) {
            BigDecimal seconds = new BigDecimal(value);
            try {
                long whole = seconds.longValueExact();
                return Optional.of(Instant.ofEpochSecond(whole));
            } catch (ArithmeticException e) {
                long whole = seconds.longValue();
                long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
                return Optional.of(Instant.ofEpochSecond(whole, nanos));
            }
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException ignored) {
            // try the forms without a zone
        }
        try {
            return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // try a plain date
        }
        try {
            return Optional.of(LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
