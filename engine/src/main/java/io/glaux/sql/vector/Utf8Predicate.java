package io.glaux.sql.vector;

import java.util.function.Predicate;

/**
 * A condition on strings that can also be tested on a value's UTF-8 bytes where they lie in native memory, without
 * making a String of them: a dictionary that has not decoded its values tests them so ({@link
 * StringDictionary#matches}).
 */
public interface Utf8Predicate extends Predicate<String> {

    /** Whether the value in the {@code length} UTF-8 bytes at {@code address} passes. */
    boolean testUtf8(long address, int length);

    @Override
    default Utf8Predicate negate() {
        Utf8Predicate condition = this;
        return new Utf8Predicate() {
            @Override
            public boolean test(String value) {
                return !condition.test(value);
            }

            @Override
            public boolean testUtf8(long address, int length) {
                return !condition.testUtf8(address, length);
            }
        };
    }
}
