package io.glaux.format.text;

/** A text value that does not parse as the column type; readers turn it into NULL or a data error per SerDe. */
public class TextValueException extends IllegalArgumentException {

    public TextValueException(String message) {
        super(message);
    }
}
