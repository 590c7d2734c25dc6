package io.glaux.format.json;

import io.glaux.testing.BytesObjectSource;
import io.glaux.catalog.Column;
import io.glaux.catalog.StorageDescriptor;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.format.RowSource;
import org.apache.calcite.avatica.util.ByteString;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.glaux.format.text.TestRows.columns;
import static io.glaux.format.text.TestRows.readAll;
import static io.glaux.format.text.TestRows.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonReaderTest {

    private static final String HIVE = StorageDescriptor.HIVE_JSON_SERDE;
    private static final String OPENX = StorageDescriptor.OPENX_JSON_SERDE;
    private final JsonFormatReader reader = new JsonFormatReader();

    private List<Object[]> read(String text, String library, Map<String, String> parameters, List<Column> columns) {
        return readAll(reader, BytesObjectSource.of(text), request(columns, parameters, library));
    }

    private static long millis(String isoLocal) {
        return LocalDateTime.parse(isoLocal).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    @Test
    void keysMatchColumnsCaseInsensitivelyAndMissingKeysAreNull() {
        String text = "{\"ID\": 1, \"Name\": \"a\", \"extra\": [1, {\"x\": 2}]}\n{\"id\": 2}\n";
        assertThat(read(text, HIVE, Map.of(), columns("id", "int", "name", "string")))
                .containsExactly(new Object[] {1, "a"}, new Object[] {2, null});
    }

    @Test
    void caseInsensitiveFalseMatchesKeysExactly() {
        String text = "{\"Name\": \"upper\", \"name\": \"lower\"}\n";
        assertThat(read(text, OPENX, Map.of("case.insensitive", "false"), columns("name", "string")))
                .containsExactly(new Object[] {"lower"});
        assertThat(read("{\"Name\": \"upper\"}\n", OPENX, Map.of("case.insensitive", "false"),
                columns("name", "string"))).containsExactly(new Object[] {null});
    }

    @Test
    void mappingNamesTheKeyOfAColumn() {
        String text = "{\"timestamp\": \"2020-01-15 10:00:00\", \"ts\": \"ignored\"}\n";
        assertThat(read(text, OPENX, Map.of("mapping.ts", "timestamp"), columns("ts", "timestamp")))
                .containsExactly(new Object[] {millis("2020-01-15T10:00:00")});
    }

    @Test
    void dotsInKeysReadAsUnderscores() {
        assertThat(read("{\"a.b\": 5}\n", OPENX, Map.of("dots.in.keys", "true"), columns("a_b", "int")))
                .containsExactly(new Object[] {5});
    }

    @Test
    void everyPrimitiveTypeIsRead() {
        String text = "{\"bo\": true, \"ti\": -5, \"si\": \"300\", \"i\": 70000, \"bi\": 9000000000, \"f\": 1.5,"
                + " \"d\": \"NaN\", \"de\": 123.456, \"vc\": \"abcdef\", \"da\": \"2020-01-15\","
                + " \"ts\": \"2020-01-15T10:20:30.5Z\", \"ts2\": 1579083630500, \"bin\": \"aGVsbG8=\","
                + " \"s\": 42, \"i2\": 3.0}\n";
        List<Object[]> rows = read(text, HIVE, Map.of(), columns("bo", "boolean", "ti", "tinyint", "si", "smallint",
                "i", "int", "bi", "bigint", "f", "float", "d", "double", "de", "decimal(10,2)", "vc", "varchar(3)",
                "da", "date", "ts", "timestamp", "ts2", "timestamp", "bin", "binary", "s", "string", "i2", "int"));
        assertThat(rows).containsExactly(new Object[] {true, (byte) -5, (short) 300, 70000, 9_000_000_000L, 1.5f,
            Double.NaN, new BigDecimal("123.46"), "abc", (int) LocalDate.of(2020, 1, 15).toEpochDay(),
            millis("2020-01-15T10:20:30.5"), millis("2020-01-15T10:20:30.5"),
            new ByteString("hello".getBytes(StandardCharsets.UTF_8)), "42", 3});
    }

    @Test
    void nestedArraysMapsAndStructsAreReadRecursively() {
        String text = "{\"tags\": [\"a\", \"b\"], \"scores\": {\"1\": [1.5, 2], \"2\": []},"
                + " \"person\": {\"Name\": \"x\", \"address\": {\"city\": \"y\"}, \"other\": 1},"
                + " \"items\": [{\"id\": 1}, {\"id\": 2, \"tags\": [\"t\"]}]}\n";
        List<Object[]> rows = read(text, HIVE, Map.of(), columns("tags", "array<string>",
                "scores", "map<int,array<double>>", "person", "struct<name:string,address:struct<city:string>>",
                "items", "array<struct<id:int,tags:array<string>>>"));
        Object[] row = rows.get(0);
        assertThat(row[0]).isEqualTo(List.of("a", "b"));
        assertThat(row[1]).isEqualTo(Map.of(1, List.of(1.5, 2.0), 2, List.of()));
        Object[] person = (Object[]) row[2];
        assertThat(person[0]).isEqualTo("x");
        assertThat((Object[]) person[1]).containsExactly("y");
        @SuppressWarnings("unchecked")
        List<Object[]> items = (List<Object[]>) row[3];
        assertThat(items.get(0)).containsExactly(1, null);
        assertThat(items.get(1)).containsExactly(2, List.of("t"));
    }

    @Test
    void aJsonObjectOrArrayInAStringColumnIsItsJsonText() {
        String text = "{\"payload\": {\"a\": [1, 2], \"b\": null}, \"list\": [true, \"x\"]}\n";
        assertThat(read(text, OPENX, Map.of(), columns("payload", "string", "list", "string")))
                .containsExactly(new Object[] {"{\"a\":[1,2],\"b\":null}", "[true,\"x\"]"});
    }

    @Test
    void openXTurnsValuesOfTheWrongTypeIntoNull() {
        String text = "{\"i\": \"abc\", \"b\": 1, \"a\": [1, \"x\", 3], \"s\": [1], \"d\": 1.5, \"t\": \"soon\"}\n";
        List<Object[]> rows = read(text, OPENX, Map.of(), columns("i", "int", "b", "boolean", "a", "array<int>",
                "s", "struct<x:int>", "d", "int", "t", "timestamp"));
        assertThat(rows).containsExactly(new Object[] {null, null, Arrays.asList(1, null, 3), null, null, null});
    }

    @Test
    void hiveJsonSerDeReportsAValueOfTheWrongTypeWithObjectLineAndColumn() {
        String text = "{\"i\": 1}\n\n{\"i\": \"abc\"}\n";
        assertThatThrownBy(() -> read(text, HIVE, Map.of(), columns("i", "int")))
                .isInstanceOfSatisfying(GlauxException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.DATA_ERROR))
                .hasMessage("HIVE_BAD_DATA: Error parsing JSON in s3://bucket/data/part-0 at line 3: "
                        + "column 'i' (int): Cannot parse 'abc' as int");
    }

    @Test
    void useNullForInvalidDataOverridesTheSerDeDefault() {
        assertThat(read("{\"i\": \"abc\"}\n", HIVE, Map.of("use.null.for.invalid.data", "true"), columns("i", "int")))
                .containsExactly(new Object[] {(Object) null});
        assertThatThrownBy(() -> read("{\"i\": \"abc\"}\n", OPENX, Map.of("use.null.for.invalid.data", "false"),
                columns("i", "int"))).isInstanceOf(GlauxException.class).hasMessageContaining("column 'i'");
    }

    @Test
    void malformedLinesAreDataErrorsNamingObjectAndLine() {
        String text = "{\"i\": 1}\n{\"i\": 2\n";
        assertThatThrownBy(() -> readAll(reader, new BytesObjectSource("s3://b/events.json",
                text.getBytes(StandardCharsets.UTF_8)), request(columns("i", "int"), Map.of(), OPENX)))
                .isInstanceOfSatisfying(GlauxException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.DATA_ERROR))
                .hasMessageStartingWith("HIVE_BAD_DATA: Error parsing JSON in s3://b/events.json at line 2: ");
        assertThatThrownBy(() -> read("[1, 2]\n", HIVE, Map.of(), columns("i", "int")))
                .hasMessageContaining("at line 1: Row is not a valid JSON Object");
        assertThatThrownBy(() -> read("{\"i\": 1} {\"i\": 2}\n", HIVE, Map.of(), columns("i", "int")))
                .hasMessageContaining("at line 1: Unexpected content after the JSON object");
    }

    @Test
    void ignoreMalformedJsonGivesARowOfNulls() {
        String text = "{\"i\": 1, \"s\": \"a\"}\nnot json\n{\"i\": 3, \"s\": \"c\"\n[4]\n{\"i\": 5}\n";
        assertThat(read(text, OPENX, Map.of("ignore.malformed.json", "true"), columns("i", "int", "s", "string")))
                .containsExactly(new Object[] {1, "a"}, new Object[] {null, null}, new Object[] {null, null},
                        new Object[] {null, null}, new Object[] {5, null});
    }

    @Test
    void blankLinesAreSkippedCrlfIsStrippedAndTheLastLineNeedsNoNewline() {
        assertThat(read("\n{\"i\": 1}\r\n   \n{\"i\": 2}", HIVE, Map.of(), columns("i", "int")))
                .containsExactly(new Object[] {1}, new Object[] {2});
        assertThat(read("", HIVE, Map.of(), columns("i", "int"))).isEmpty();
    }

    @Test
    void projectionPicksAndOrdersColumns() {
        List<Object[]> rows = readAll(reader, BytesObjectSource.of("{\"a\": 1, \"b\": \"x\", \"c\": 2.5}\n"),
                request(columns("a", "int", "b", "string", "c", "double"), new int[] {2, 0, 2}, Map.of(), HIVE));
        assertThat(rows).containsExactly(new Object[] {2.5, 1, 2.5});
    }

    @Test
    void invalidUtf8IsADataErrorAtItsLine() {
        byte[] bytes = {'{', '}', '\n', '{', '"', 'a', '"', ':', '"', (byte) 0xE2, (byte) 0x28, '"', '}', '\n'};
        assertThatThrownBy(() -> readAll(reader, new BytesObjectSource("s3://b/x.json", bytes),
                request(columns("a", "string"), Map.of(), HIVE)))
                .hasMessageStartingWith("HIVE_BAD_DATA: Error parsing JSON in s3://b/x.json at line 2: Invalid UTF-8");
    }

    @Test
    void readsStreamRatherThanLoadingTheObject() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            text.append("{\"i\": ").append(i).append(", \"s\": \"row\"}\n");
        }
        BytesObjectSource source = BytesObjectSource.of(text.toString());
        try (RowSource rows = reader.open(source, request(columns("i", "int"), Map.of(), HIVE))) {
            assertThat(rows.next()).containsExactly(0);
            assertThat(source.bytesRead()).isLessThan(source.size() / 4);
        }
    }
}
