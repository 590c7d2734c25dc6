package io.glaux.format.parquet;

import io.glaux.testing.BytesObjectSource;
import io.glaux.catalog.Column;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.glaux.format.parquet.ParquetTestFiles.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Table schemas that differ from the file's: added columns, other names' case, coercions, mismatches. */
class ParquetSchemaEvolutionTest {

    static final List<Column> WRITTEN = List.of(
            column("id", "int"),
            column("ratio", "float"),
            column("qty", "int"),
            column("price", "decimal(7,2)"),
            column("big", "bigint"),
            column("label", "string"),
            column("info", "struct<a:int,b:string>"),
            column("day", "date"));

    static final List<Object[]> ROWS = List.of(
            new Object[] {1, 0.5f, 3, new BigDecimal("12.35"), 5_000_000_000L, "abcdef", new Object[] {1, "x"}, 10},
            new Object[] {2, null, -4, new BigDecimal("-0.05"), 12L, "ab", new Object[] {null, "y"}, null});

    static byte[] file() {
        return ParquetTestFiles.write(WRITTEN, ROWS, Map.of("write_compression", "SNAPPY"));
    }

    @Test
    void columnsMissingFromTheFileReadAsNull() throws Exception {
        List<Column> table = List.of(column("id", "int"), column("added", "string"), column("label", "string"),
                column("added_struct", "struct<z:int>"));

        List<Object[]> rows = ParquetTestFiles.readAll(file(), table);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsExactly(1, null, "abcdef", null);
        assertThat(rows.get(1)).containsExactly(2, null, "ab", null);
    }

    @Test
    void onlyMissingColumnsStillCountRows() throws Exception {
        List<Column> table = List.of(column("nothere", "bigint"), column("neither", "string"));
        BytesObjectSource source = new BytesObjectSource("s3://bucket/t/f.parquet", file());

        List<Object[]> rows = ParquetTestFiles.read(source, table, new int[] {1, 0}, List.of());

        assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row).containsExactly(null, null));
        assertThat(source.bytesRead()).isLessThan(source.size());
    }

    @Test
    void structFieldsMatchByNameAndMissingFieldsAreNull() throws Exception {
        List<Column> table = List.of(column("info", "struct<b:string,c:double,A:int>"));

        List<Object[]> rows = ParquetTestFiles.readAll(file(), table);

        assertThat(Rows.comparableRows(rows)).isEqualTo(List.of(
                List.of(Arrays.asList("x", null, 1)), List.of(Arrays.asList("y", null, null))));
    }

    @Test
    void structSharingNoFieldWithTheFileIsNotNull() throws Exception {
        List<Column> table = List.of(column("info", "struct<q:int>"));

        List<Object[]> rows = ParquetTestFiles.readAll(file(), table);

        assertThat(Rows.comparableRows(rows)).isEqualTo(List.of(
                List.of(Arrays.asList((Object) null)), List.of(Arrays.asList((Object) null))));
    }

    @Test
    void widensAndConvertsWhereAthenaAllows() throws Exception {
        List<Column> table = List.of(
                column("id", "bigint"),
                column("ratio", "double"),
                column("qty", "decimal(10,2)"),
                column("price", "decimal(12,3)"),
                column("big", "int"),
                column("label", "varchar(3)"),
                column("day", "date"));

        List<Object[]> rows = ParquetTestFiles.readAll(file(), table);

        assertThat(rows.get(0)).containsExactly(1L, 0.5d, new BigDecimal("3.00"), new BigDecimal("12.350"), null,
                "abc", 10);
        assertThat(rows.get(1)).containsExactly(2L, null, new BigDecimal("-4.00"), new BigDecimal("-0.050"), 12, "ab",
                null);
    }

    @Test
    void decimalsThatNoLongerFitReadAsNull() throws Exception {
        List<Column> table = List.of(column("price", "decimal(2,1)"), column("qty", "double"), column("id", "float"));

        List<Object[]> rows = ParquetTestFiles.readAll(file(), table);

        assertThat(rows.get(0)).containsExactly(null, 3.0d, 1.0f);
        assertThat(rows.get(1)).containsExactly(new BigDecimal("-0.1"), -4.0d, 2.0f);
    }

    @Test
    void impossibleConversionIsADataErrorNamingObjectAndColumn() {
        byte[] bytes = file();
        for (Column column : List.of(column("label", "int"), column("id", "string"), column("day", "timestamp"),
                column("info", "string"), column("id", "array<int>"), column("label", "struct<a:int>"),
                column("ratio", "bigint"))) {
            assertThatThrownBy(() -> ParquetTestFiles.read(new BytesObjectSource("s3://bucket/t/part-7.parquet", bytes),
                    List.of(column), new int[] {0}, List.of()))
                    .as(column.toString())
                    .isInstanceOfSatisfying(GlauxException.class, e -> {
                        assertThat(e.type()).isEqualTo(ErrorType.DATA_ERROR);
                        assertThat(e.getMessage()).startsWith("HIVE_BAD_DATA: Field " + column.name() + "'s type ")
                                .contains("s3://bucket/t/part-7.parquet", column.type().ddl());
                    });
        }
    }
}
