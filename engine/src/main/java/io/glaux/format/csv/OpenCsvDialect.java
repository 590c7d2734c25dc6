package io.glaux.format.csv;

import io.glaux.format.text.SerdeOptions;

import java.util.Map;

/** OpenCSVSerde's separator, quote and escape characters ({@code ,} {@code "} {@code \} unless set). */
record OpenCsvDialect(char separator, char quote, char escape) {

    static final String SEPARATOR_CHAR = "separatorChar";
    static final String QUOTE_CHAR = "quoteChar";
    static final String ESCAPE_CHAR = "escapeChar";

    static OpenCsvDialect from(Map<String, String> parameters) {
        SerdeOptions options = new SerdeOptions(parameters);
        return new OpenCsvDialect(options.character(SEPARATOR_CHAR, ','), options.character(QUOTE_CHAR, '"'),
                options.character(ESCAPE_CHAR, '\\'));
    }

    /** An escape equal to the quote is the doubled-quote convention, not a separate escape character. */
    boolean escapes() {
        return escape != quote;
    }
}
