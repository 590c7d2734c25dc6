package io.glaux.format.csv;

import io.glaux.catalog.AthenaType;

/**
 * A row reader's own reading of one field's text as a value of its column, which the batch readers hand every field
 * to that is not in one of their fast-path spellings, so a batch and a row of the same object cannot disagree.
 */
@FunctionalInterface
public interface FieldParser {

    /**
     * The value of {@code text} as a primitive {@code type} ({@link io.glaux.format.Values} form), or null when the
     * text does not read as one; never throws for bad text.
     */
    Object parse(String text, AthenaType type);
}
