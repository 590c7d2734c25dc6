package io.glaux.sql.plan;

import io.glaux.testing.GlauxFixture;

/** Two text tables for join planning tests: {@code facts (id, dim, amount)} and {@code dims (id, name)}. */
final class FactsAndDims {

    private FactsAndDims() {
    }

    /**
     * {@code facts} rows {@code 0..facts-1} with {@code dim = id % dims}; {@code dims} rows {@code 0..dims-1} named
     * {@code name-<id % names>}.
     */
    static void create(GlauxFixture g, int facts, int dims, int names) {
        StringBuilder factRows = new StringBuilder();
        for (int i = 0; i < facts; i++) {
            factRows.append(i).append(',').append(i % dims).append(',').append(i * 1.5).append('\n');
        }
        g.put("lake", "facts/a.csv", factRows.toString());
        StringBuilder dimRows = new StringBuilder();
        for (int i = 0; i < dims; i++) {
            dimRows.append(i).append(",name-").append(i % names).append('\n');
        }
        g.put("lake", "dims/a.csv", dimRows.toString());
        g.script("""
                CREATE EXTERNAL TABLE facts (id int, dim int, amount double)
                  ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://lake/facts/';
                CREATE EXTERNAL TABLE dims (id int, name string)
                  ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://lake/dims/';
                """);
    }

    /** Both tables copied into the Parquet tables {@code pfacts} and {@code pdims}, whose footers bound their keys. */
    static void parquetCopies(GlauxFixture g) {
        g.script("""
                CREATE TABLE pfacts WITH (format = 'PARQUET', external_location = 's3://lake/pfacts/') AS SELECT * FROM facts;
                CREATE TABLE pdims WITH (format = 'PARQUET', external_location = 's3://lake/pdims/') AS SELECT * FROM dims;
                """);
    }
}
