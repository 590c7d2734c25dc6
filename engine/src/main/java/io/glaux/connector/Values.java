package io.glaux.connector;

import java.math.BigDecimal;

/** Orders the engine's values: same-class comparables directly, numbers of different classes by their value. */
final class Values {

    private Values() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y && a.getClass() != b.getClass()) {
            return decimal(x).compareTo(decimal(y));
        }
        if (a instanceof Comparable comparable && a.getClass() == b.getClass()) {
            return comparable.compareTo(b);
        }
        throw new IllegalArgumentException("Cannot order " + a.getClass().getSimpleName() + " against "
                + b.getClass().getSimpleName());
    }

    private static BigDecimal decimal(Number number) {
        return number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
    }
}
