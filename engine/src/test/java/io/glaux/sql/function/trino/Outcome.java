package io.glaux.sql.function.trino;

/** How Glaux's answer to one fixture query compares with Trino's, with a one-line reason unless they agree. */
record Outcome(Kind kind, String reason) {

    enum Kind {
        /** The same values (or the same error). */
        AGREES,
        /** Both answer, differently; or one of them fails and the other does not, Trino being the one failing. */
        DIFFERS,
        /** Trino answers and Glaux fails. */
        UNSUPPORTED;

        /** The word used in known-differences.tsv. */
        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static final Outcome AGREE = new Outcome(Kind.AGREES, "");

    static Outcome differs(String reason) {
        return new Outcome(Kind.DIFFERS, oneLine(reason));
    }

    static Outcome unsupported(String reason) {
        return new Outcome(Kind.UNSUPPORTED, oneLine(reason));
    }

    /** A reason fit for one line of a tab-separated file: no tabs or line breaks, at most 200 characters. */
    static String oneLine(String text) {
        String flat = String.valueOf(text).replaceAll("[\\t\\r\\n]+", " ").trim();
        return flat.length() <= 200 ? flat : flat.substring(0, 197) + "...";
    }
}
