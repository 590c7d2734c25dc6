package io.glaux.spice;

import io.glaux.Glaux;

import java.time.LocalDate;
import java.util.Random;

/**
 * Tables for the vectorized differential test, besides {@link SpiceTestData}'s {@code items}: a TPC-H-like
 * {@code lineitem}, {@code blanks} (string columns only NULL or empty, numeric columns only NULL), {@code bigs}
 * (bigint, int and decimal(18,2) values whose sums leave their types' ranges) and {@code nothing} (no rows). All
 * rows are generated deterministically (fixed seeds), so every Glaux instance gets the same bytes.
 */
final class SpiceDifferentialData {

    static final String LINEITEM_COLUMNS = "l_orderkey bigint, l_partkey int, l_suppkey int, l_linenumber int,"
            + " l_quantity decimal(12,2), l_extendedprice decimal(12,2), l_discount decimal(12,2),"
            + " l_tax decimal(12,2), l_returnflag char(1), l_linestatus varchar(1), l_shipdate date,"
            + " l_commitdate date, l_receiptdate date, l_shipinstruct varchar(25), l_shipmode char(10),"
            + " l_comment string";
    static final String BLANKS_COLUMNS = "k string, e varchar(4), c char(2), n int, b bigint, m decimal(10,2),"
            + " x double, dd date, f boolean, v int";
    static final String BIGS_COLUMNS = "g int, v bigint, i int, m decimal(18,2)";

    private static final String[] INSTRUCTIONS = {"DELIVER IN PERSON", "COLLECT COD", "NONE", "TAKE BACK RETURN"};
    private static final String[] MODES = {"REG AIR", "AIR", "RAIL", "SHIP", "TRUCK", "MAIL", "FOB"};
    private static final String[] WORDS = {"furiously", "quickly", "carefully", "blithely", "slyly", "regular",
        "express", "final", "pending", "ironic", "deposits", "accounts", "packages", "requests", "foxes"};
    private static final LocalDate START = LocalDate.of(1992, 1, 1);
    private static final LocalDate CURRENT = LocalDate.of(1995, 6, 17);
    /** 2^62. */
    static final long HUGE = 1L << 62;

    private SpiceDifferentialData() {
    }

    /** {@code rows} lineitems of consecutive orders (1 to 7 lines each), with TPC-H's value ranges and flag rules. */
    static String lineitemLines(int rows) {
        Random random = new Random(19_940_101L);
        StringBuilder text = new StringBuilder();
        int written = 0;
        for (long order = 1; written < rows; order++) {
            LocalDate orderDate = START.plusDays(random.nextInt(2405));
            int lines = 1 + random.nextInt(7);
            for (int line = 1; line <= lines && written < rows; line++, written++) {
                int part = 1 + random.nextInt(2000);
                int quantity = 1 + random.nextInt(50);
                long priceCents = 90_000 + (part / 10) % 20_001 + 100L * (part % 1000);
                long extendedCents = quantity * priceCents;
                int discount = random.nextInt(11);
                int tax = random.nextInt(9);
                LocalDate ship = orderDate.plusDays(1 + random.nextInt(121));
                LocalDate commit = orderDate.plusDays(30 + random.nextInt(61));
                LocalDate receipt = ship.plusDays(1 + random.nextInt(30));
                String returnFlag = receipt.isAfter(CURRENT) ? "N" : random.nextBoolean() ? "R" : "A";
                String lineStatus = ship.isAfter(CURRENT) ? "O" : "F";
                text.append(order).append('|')
                        .append(part).append('|')
                        .append(1 + (part + line) % 100).append('|')
                        .append(line).append('|')
                        .append(quantity).append(".00|")
                        .append(extendedCents / 100).append('.').append(String.format("%02d", extendedCents % 100))
                        .append('|')
                        .append(discount == 10 ? "0.10" : "0.0" + discount).append('|')
                        .append("0.0").append(tax).append('|')
                        .append(returnFlag).append('|')
                        .append(lineStatus).append('|')
                        .append(ship).append('|')
                        .append(commit).append('|')
                        .append(receipt).append('|')
                        .append(INSTRUCTIONS[random.nextInt(INSTRUCTIONS.length)]).append('|')
                        .append(MODES[random.nextInt(MODES.length)]).append('|')
                        .append(WORDS[random.nextInt(WORDS.length)]).append(' ')
                        .append(WORDS[random.nextInt(WORDS.length)]).append('\n');
            }
        }
        return text.toString();
    }

    /**
     * Rows whose string columns are NULL ({@code k}) or empty ({@code e}, {@code c}), and whose other columns are
     * NULL except {@code v} (1 to {@code rows}).
     */
    static String blanksLines(int rows) {
        StringBuilder text = new StringBuilder();
        for (int v = 1; v <= rows; v++) {
            text.append("\\N||||\\N|\\N|\\N|\\N|\\N|\\N|").append(v).append('\n');
        }
        return text.toString();
    }

    /**
     * Group 1: four bigints just above 2^62, three times over (their sum leaves bigint); group 2: 2^62 and
     * 2^62 - 1 (sum exactly 2^63 - 1); group 3: -2^62 twice (sum exactly -2^63); group 4: -2^62 - 1 and -2^62 (sum
     * below bigint). Within a group all values have one sign, so whether a sum overflows does not depend on the
     * order rows are added in. Every row's {@code i} is 2,000,000,000 (sums leave int) and its {@code m}
     * 9,999,999,999,999,999.99 (the unscaled sum of ten leaves a long).
     */
    static String bigsLines() {
        long[][] groups = {
            {HUGE, HUGE + 1, HUGE + 2, HUGE + 3},
            {HUGE, HUGE - 1},
            {-HUGE, -HUGE},
            {-HUGE - 1, -HUGE},
        };
        StringBuilder text = new StringBuilder();
        for (int repeat = 0; repeat < 3; repeat++) {
            for (int g = 0; g < groups.length; g++) {
                if (repeat > 0 && g != 0) {
                    continue;
                }
                for (long v : groups[g]) {
                    text.append(g + 1).append('|').append(v).append("|2000000000|9999999999999999.99\n");
                }
            }
        }
        return text.toString();
    }

    static void createTables(Glaux glaux, int items, int lineitems, int blanks) {
        SpiceTestData.createItems(glaux, items);
        create(glaux, "lineitem", LINEITEM_COLUMNS, lineitemLines(lineitems));
        create(glaux, "blanks", BLANKS_COLUMNS, blanksLines(blanks));
        create(glaux, "bigs", BIGS_COLUMNS, bigsLines());
        create(glaux, "nothing", SpiceTestData.COLUMNS, "");
    }

    private static void create(Glaux glaux, String table, String columns, String lines) {
        SpiceTestData.put(glaux, "lake", table + "/part-0", lines);
        SpiceTestData.query(glaux, "CREATE EXTERNAL TABLE " + table + " (" + columns + ") ROW FORMAT DELIMITED"
                + " FIELDS TERMINATED BY '|' LOCATION 's3://lake/" + table + "/'");
    }
}
