package io.glaux.sql.scan;

import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimestampString;

import java.math.BigDecimal;

/**
 * Literal values in one comparable form per type family, so partition values and literals compare directly:
 * strings as String, numbers as BigDecimal, dates as Integer days, timestamps as Long millis, booleans as Boolean.
 */
public final class RexValues {

    private RexValues() {
    }

    /** A literal's value in comparable form, or null when it is SQL NULL or of a family we don't compare. */
    public static Comparable<?> of(RexLiteral literal) {
        if (literal.isNull()) {
            return null;
        }
        // getValue() hands dates and timestamps out as Calendars; their internal forms normalize.
        return switch (literal.getTypeName()) {
            case DATE -> normalize(literal.getValueAs(DateString.class));
            case TIMESTAMP -> normalize(literal.getValueAs(TimestampString.class));
            default -> normalize(literal.getValue());
        };
    }

    /** Normalizes Calcite's internal literal representations (NlsString, DateString, ...). */
    public static Comparable<?> normalize(Object value) {
        if (value instanceof NlsString nls) {
            return nls.getValue();
        }
        if (value instanceof DateString date) {
            return date.getDaysSinceEpoch();
        }
        if (value instanceof TimestampString timestamp) {
            return timestamp.getMillisSinceEpoch();
        }
        if (value instanceof BigDecimal || value instanceof Boolean || value instanceof String) {
            return (Comparable<?>) value;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        return null;
    }

    /** Compares two normalized values; null when they are of different families. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Integer compare(Comparable<?> a, Comparable<?> b) {
        if (a == null || b == null || a.getClass() != b.getClass()) {
            return null;
        }
        return ((Comparable) a).compareTo(b);
    }
}
