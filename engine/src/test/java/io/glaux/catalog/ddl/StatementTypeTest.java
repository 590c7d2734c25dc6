package io.glaux.catalog.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * StatementType as the API model documents it: DDL defines databases, tables and views; DML reads or writes data
 * ("such as CREATE TABLE AS SELECT"); UTILITY is the rest ("such as SHOW CREATE TABLE, EXPLAIN, DESCRIBE, or SHOW
 * TABLES").
 */
class StatementTypeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CREATE EXTERNAL TABLE t (a int) LOCATION 's3://b/'|DDL",
            "create table t as select 1|DML",
            "CREATE TABLE t WITH (format = 'PARQUET') AS SELECT 1 AS x|DML",
            "CREATE TABLE t (a int)|DDL",
            "CREATE VIEW v AS SELECT 1 AS x|DDL",
            "DROP TABLE t|DDL",
            "alter table t add partition (dt='1')|DDL",
            "MSCK REPAIR TABLE t|DDL",
            "SHOW TABLES|UTILITY",
            "SHOW CREATE TABLE t|UTILITY",
            "SHOW PARTITIONS t|UTILITY",
            "DESCRIBE t|UTILITY",
            "desc t|UTILITY",
            "SELECT 1|DML",
            "  ((select 1))|DML",
            "WITH x AS (SELECT 1) SELECT * FROM x|DML",
            "VALUES 1|DML",
            "INSERT INTO t SELECT 1|DML",
            "EXPLAIN SELECT 1|UTILITY",
            "EXPLAIN ANALYZE SELECT 1|UTILITY",
            "PREPARE p FROM SELECT 1|UTILITY",
            "EXECUTE p USING 1|UTILITY",
            "DEALLOCATE PREPARE p|UTILITY",
            "/* note */ -- line\\n SHOW DATABASES|UTILITY",
            "-- only a comment|DML"
    })
    void classifiesAsTheApiModelDocuments(String sql, StatementType expected) {
        assertThat(StatementType.classify(sql.replace("\\n", "\n"))).isEqualTo(expected);
    }
}
