package io.glaux.format.text;

import io.glaux.catalog.AthenaType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential: wherever a {@link ByteValueParser} fast path answers, {@link TextValueParser} reads the same text as
 * the same value; and it answers for the plain spellings it exists for.
 */
class ByteValueParserTest {

    private static final int SAMPLES = 200_000;

    @Test
    void fastPathsAgreeWithTheTextParserOnRandomText() {
        Random random = new Random(15);
        String alphabet = "0123456789000999-+.. :eE9T";
        int answered = 0;
        for (int sample = 0; sample < SAMPLES; sample++) {
            String text = randomText(random, alphabet, random.nextInt(24));
            answered += checkAll(text);
        }
        assertThat(answered).as("fast paths that answered").isGreaterThan(SAMPLES / 10);
    }

    @Test
    void fastPathsAgreeOnRandomDatesAndTimestamps() {
        Random random = new Random(16);
        int answered = 0;
        for (int sample = 0; sample < SAMPLES; sample++) {
            String text = String.format("%04d-%02d-%02d", random.nextInt(10_000), random.nextInt(14),
                    random.nextInt(33));
            if (random.nextBoolean()) {
                text += String.format(" %02d:%02d:%02d", random.nextInt(26), random.nextInt(62), random.nextInt(62));
                if (random.nextBoolean()) {
                    text += "." + randomText(random, "0123456789", random.nextInt(11));
                }
            }
            answered += checkAll(text);
        }
        assertThat(answered).isGreaterThan(SAMPLES / 4);
    }

    @Test
    void plainSpellingsTakeTheFastPath() {
        assertThat(parseLong("-9876543210")).isEqualTo(-9_876_543_210L);
        assertThat(unscaled("1234.5", 2)).isEqualTo(123_450L);
        assertThat(unscaled("-0.07", 2)).isEqualTo(-7L);
        assertThat(parseDouble("0.1")).isEqualTo(0.1);
        assertThat(date("2024-02-29")).isEqualTo(19_782);
        assertThat(timestamp("1970-01-01 00:00:01.0005")).isEqualTo(1_001L);
        assertThat(parseLong("1e3")).isEqualTo(ByteValueParser.NOT_PARSED);
        assertThat(unscaled("1.005", 2)).as("needs rounding").isEqualTo(ByteValueParser.NOT_PARSED);
        assertThat(parseDouble("1234567890123456")).as("16 digits").isNaN();
        assertThat(parseFloat("0.1")).isEqualTo(0.1f);
        assertThat(parseFloat("-1234.567")).isEqualTo(-1234.567f);
        assertThat(parseFloat("12345678")).as("8 digits").isNaN();
        assertThat(date("2024-2-29")).isEqualTo(ByteValueParser.NOT_PARSED_DATE);
    }

    /** Checks every fast path on the text; returns how many answered. */
    private static int checkAll(String text) {
        int answered = 0;
        long integer = parseLong(text);
        if (integer != ByteValueParser.NOT_PARSED) {
            answered++;
            assertThat(TextValueParser.parseInteger(text, Long.MIN_VALUE, Long.MAX_VALUE, "bigint"))
                    .as(text).isEqualTo(integer);
        }
        for (int scale : new int[] {0, 2, 5}) {
            long unscaled = unscaled(text, scale);
            if (unscaled != ByteValueParser.NOT_PARSED) {
                answered++;
                BigDecimal expected = TextValueParser.parseDecimal(text, new AthenaType.Decimal(38, scale));
                assertThat(BigDecimal.valueOf(unscaled, scale)).as(text).isEqualTo(expected);
            }
        }
        double floating = parseDouble(text);
        if (!Double.isNaN(floating)) {
            answered++;
            assertThat(Double.doubleToRawLongBits(floating)).as(text)
                    .isEqualTo(Double.doubleToRawLongBits(TextValueParser.parseDouble(text, "double")));
        }
        float single = parseFloat(text);
        if (!Float.isNaN(single)) {
            answered++;
            // Both readings of a float: the text parser's (a double rounded to float) and Float.parseFloat's.
            assertThat(Float.floatToRawIntBits(single)).as(text)
                    .isEqualTo(Float.floatToRawIntBits((float) TextValueParser.parseDouble(text, "float")))
                    .isEqualTo(Float.floatToRawIntBits(Float.parseFloat(text)));
        }
        int days = date(text);
        if (days != ByteValueParser.NOT_PARSED_DATE) {
            answered++;
            assertThat(TextValueParser.parseDate(text)).as(text).isEqualTo(days);
        }
        long millis = timestamp(text);
        if (millis != ByteValueParser.NOT_PARSED) {
            answered++;
            assertThat(TimestampText.parseMillis(text)).as(text).isEqualTo(millis);
        }
        return answered;
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static byte[] utf8(String text) {
        return ("<" + text + ">").getBytes(StandardCharsets.UTF_8);
    }

    private static long parseLong(String text) {
        byte[] bytes = utf8(text);
        return ByteValueParser.parseLong(bytes, 1, bytes.length - 1);
    }

    private static long unscaled(String text, int scale) {
        byte[] bytes = utf8(text);
        return ByteValueParser.parseUnscaledDecimal(bytes, 1, bytes.length - 1, scale);
    }

    private static double parseDouble(String text) {
        byte[] bytes = utf8(text);
        return ByteValueParser.parseDouble(bytes, 1, bytes.length - 1);
    }

    private static float parseFloat(String text) {
        byte[] bytes = utf8(text);
        return ByteValueParser.parseFloat(bytes, 1, bytes.length - 1);
    }

    @Test
    void theFloatFastPathAgreesWithBothFloatReadingsOnRandomShortDecimals() {
        Random random = new Random(17);
        int answered = 0;
        for (int sample = 0; sample < SAMPLES; sample++) {
            String digits = randomText(random, "0123456789", 1 + random.nextInt(7));
            int point = random.nextInt(digits.length() + 1);
            String text = (random.nextBoolean() ? "-" : "") + digits.substring(0, point) + "."
                    + digits.substring(point) + "0".repeat(random.nextInt(3));
            answered += checkAll(text);
        }
        assertThat(answered).isGreaterThan(SAMPLES);
    }

    private static int date(String text) {
        byte[] bytes = utf8(text);
        return ByteValueParser.parseDate(bytes, 1, bytes.length - 1);
    }

    private static long timestamp(String text) {
        byte[] bytes = utf8(text);
        return ByteValueParser.parseTimestamp(bytes, 1, bytes.length - 1);
    }
}
