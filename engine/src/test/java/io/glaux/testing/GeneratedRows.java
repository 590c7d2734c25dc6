package io.glaux.testing;

/** Rows a query makes by itself, with no table scan underneath (scans check cancellation on their own). */
public final class GeneratedRows {

    private GeneratedRows() {
    }

    /**
     * A WITH clause defining {@code n(id, k)}: ids 0 to 10^digits − 1 (cross joins of a ten-row VALUES) and
     * {@code k = id % 10}. Prefix a query with it: {@code numbers(5) + "SELECT count(*) FROM n"}.
     */
    public static String numbers(int digits) {
        StringBuilder id = new StringBuilder();
        StringBuilder from = new StringBuilder();
        long weight = 1;
        for (int i = 0; i < digits; i++) {
            id.append(i == 0 ? "" : " + ").append(weight).append(" * d").append(i).append(".x");
            from.append(i == 0 ? "" : ", ").append("d d").append(i);
            weight *= 10;
        }
        return "WITH d(x) AS (VALUES 0, 1, 2, 3, 4, 5, 6, 7, 8, 9), n AS (SELECT id, id % 10 AS k FROM (SELECT "
                + id + " AS id FROM " + from + ")) ";
    }
}
