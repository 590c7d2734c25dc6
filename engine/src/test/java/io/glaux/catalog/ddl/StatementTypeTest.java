package io.glaux.catalog.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatementTypeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CREATE EXTERNAL TABLE t (a int) LOCATION 's3://b/'|DDL",
            "create table t as select 1|DDL",
            "DROP TABLE t|DDL",
            "alter table t add partition (dt='1')|DDL",
            "MSCK REPAIR TABLE t|DDL",
            "SHOW TABLES|DDL",
            "DESCRIBE t|DDL",
            "desc t|DDL",
            "SELECT 1|DML",
            "  ((select 1))|DML",
            "WITH x AS (SELECT 1) SELECT * FROM x|DML",
            "VALUES 1|DML",
            "INSERT INTO t SELECT 1|DML",
            "EXPLAIN SELECT 1|UTILITY",
            "PREPARE p FROM SELECT 1|UTILITY",
            "EXECUTE p USING 1|UTILITY",
            "DEALLOCATE PREPARE p|UTILITY",
            "/* note */ -- line\\n SHOW DATABASES|DDL",
            "-- only a comment|DML"
    })
    void classifiesByTheFirstKeyword(String sql, StatementType expected) {
        assertThat(StatementType.classify(sql.replace("\\n", "\n"))).isEqualTo(expected);
    }
}
