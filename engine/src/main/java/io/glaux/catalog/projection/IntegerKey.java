package io.glaux.catalog.projection;

import java.util.AbstractList;
import java.util.List;

/**
 * {@code integer}: from {@code min} to {@code max} inclusive in steps of {@code interval}, zero-padded to
 * {@code digits} when given ({@code projection.<key>.range = "1,12"}, {@code .interval}, {@code .digits}).
 */
public record IntegerKey(String name, long min, long max, long interval, int digits) implements ProjectedKey {

    @Override
    public long count() {
        return max < min ? 0 : (max - min) / interval + 1;
    }

    @Override
    public List<String> values() {
        long count = count();
        return new AbstractList<>() {
            @Override
            public String get(int index) {
                return format(min + index * interval);
            }

            @Override
            public int size() {
                return (int) Math.min(count, Integer.MAX_VALUE);
            }
        };
    }

    private String format(long value) {
        String text = Long.toString(Math.abs(value));
        if (text.length() < digits) {
            text = "0".repeat(digits - text.length()) + text;
        }
        return value < 0 ? "-" + text : text;
    }
}
