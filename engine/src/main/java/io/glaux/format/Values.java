package io.glaux.format;

/**
 * The Java representation of column values shared by readers, writers, the SQL layer and result objects
 * (it is also Calcite's internal representation, so rows cross into SQL without conversion):
 *
 * <ul>
 *   <li>boolean: {@link Boolean}; tinyint: {@link Byte}; smallint: {@link Short}; int: {@link Integer};
 *       bigint: {@link Long}; float: {@link Float}; double: {@link Double}</li>
 *   <li>decimal(p,s): {@link java.math.BigDecimal} with scale s</li>
 *   <li>char, varchar, string: {@link String}</li>
 *   <li>date: {@link Integer} days since 1970-01-01</li>
 *   <li>timestamp: {@link Long} milliseconds since 1970-01-01T00:00 (no time zone)</li>
 *   <li>binary: {@link org.apache.calcite.avatica.util.ByteString}</li>
 *   <li>array: {@link java.util.List}; map: {@link java.util.Map} (insertion ordered); struct: {@code Object[]} in
 *       field order</li>
 *   <li>NULL: {@code null}</li>
 * </ul>
 */
public final class Values {
    private Values() {
    }
}
