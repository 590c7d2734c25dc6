package io.glaux.format.csv;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.glaux.format.text.TestRows.columns;
import static io.glaux.format.text.TestRows.readAll;
import static io.glaux.format.text.TestRows.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LazySimpleReaderTest {

    private static final String LAZY = StorageDescriptor.LAZY_SIMPLE_SERDE;
    private final CsvFormatReader reader = new CsvFormatReader();

    private List<Object[]> read(String text, List<Column> columns, Map<String, String> parameters) {
        return readAll(reader, BytesObjectSource.of(text), request(columns, parameters, LAZY));
    }

    private List<Object[]> readComma(String text, String... namesAndTypes) {
        return read(text, columns(namesAndTypes), Map.of("field.delim", ","));
    }

    @Test
    void fieldsAreSplitOnControlAWhenNoDelimiterIsGiven() {
        List<Object[]> rows = read("1\u0001a\n2\u0001b\n", columns("id", "int", "name", "string"), Map.of());
        assertThat(rows).containsExactly(new Object[] {1, "a"}, new Object[] {2, "b"});
    }

    @Test
    void fieldDelimiterComesFromFieldDelimOrSerializationFormat() {
        assertThat(read("1\t2\n", columns("a", "int", "b", "int"), Map.of("field.delim", "\t")))
                .containsExactly(new Object[] {1, 2});
        assertThat(read("1|2\n", columns("a", "int", "b", "int"), Map.of("serialization.format", "|")))
                .containsExactly(new Object[] {1, 2});
        assertThat(read("1\t2\n", columns("a", "int", "b", "int"), Map.of("field.delim", "9")))
                .as("a number is a character code, as Hive reads it").containsExactly(new Object[] {1, 2});
        assertThat(read("1\u00012\n", columns("a", "int", "b", "int"), Map.of("serialization.format", "1")))
                .containsExactly(new Object[] {1, 2});
    }

    @Test
    void missingTrailingFieldsAreNullAndExtraFieldsIgnored() {
        assertThat(readComma("1\n1,x,2.5,extra,more\n", "a", "int", "b", "string", "c", "double"))
                .containsExactly(new Object[] {1, null, null}, new Object[] {1, "x", 2.5});
    }

    @Test
    void quotesHaveNoMeaning() {
        assertThat(readComma("\"a,b\",c\n", "x", "string", "y", "string"))
                .containsExactly(new Object[] {"\"a", "b\""});
    }

    @Test
    void valuesThatDoNotParseAreNull() {
        assertThat(readComma("abc,1.5,maybe,2020-13-01,,99999\n", "a", "int", "b", "bigint", "c", "boolean",
                "d", "date", "e", "double", "f", "decimal(4,1)"))
                .containsExactly(new Object[] {null, null, null, null, null, null});
    }

    @Test
    void emptyFieldIsAnEmptyStringForStringColumnsAndNullOtherwise() {
        assertThat(readComma(",\n", "s", "string", "i", "int")).containsExactly(new Object[] {"", null});
    }

    @Test
    void nullFormatDefaultsToBackslashNAndCanBeChanged() {
        assertThat(readComma("\\N,\\N,x\n", "s", "string", "i", "int", "t", "string"))
                .containsExactly(new Object[] {null, null, "x"});
        Map<String, String> parameters = Map.of("field.delim", ",", "serialization.null.format", "");
        assertThat(read(",\\N,NULL\n", columns("s", "string", "t", "string", "u", "string"), parameters))
                .containsExactly(new Object[] {null, "\\N", "NULL"});
    }

    @Test
    void everyPrimitiveTypeIsRead() {
        String line = "true,-5,300,70000,9000000000,1.5,-2.25e10,123.456,abcdef,chars,2020-01-15,"
                + "2020-01-15 10:20:30.5,aGVsbG8=,plain\n";
        List<Object[]> rows = readComma(line, "bo", "boolean", "ti", "tinyint", "si", "smallint", "i", "int",
                "bi", "bigint", "f", "float", "d", "double", "de", "decimal(10,2)", "vc", "varchar(3)",
                "c", "char(10)", "da", "date", "ts", "timestamp", "bin", "binary", "s", "string");
        assertThat(rows).containsExactly(new Object[] {true, (byte) -5, (short) 300, 70000, 9_000_000_000L, 1.5f,
            -2.25e10, new BigDecimal("123.46"), "abc", "chars", (int) LocalDate.of(2020, 1, 15).toEpochDay(),
            LocalDateTime.of(2020, 1, 15, 10, 20, 30, 500_000_000).toInstant(ZoneOffset.UTC).toEpochMilli(),
            new ByteString("hello".getBytes(StandardCharsets.UTF_8)), "plain"});
    }

    @Test
    void collectionsUseCollectionAndMapKeyDelimiters() {
        String line = "1\u00022\u00023\u0001a\u0003x\u0002b\u0003y\u0001k\u00027\u0001\n";
        List<Object[]> rows = read(line, columns("arr", "array<int>", "m", "map<string,string>",
                "st", "struct<name:string,n:int>", "empty", "array<string>"), Map.of());
        assertThat(rows).hasSize(1);
        Object[] row = rows.get(0);
        assertThat(row[0]).isEqualTo(List.of(1, 2, 3));
        assertThat(row[1]).isEqualTo(Map.of("a", "x", "b", "y"));
        assertThat((Object[]) row[2]).containsExactly("k", 7);
        assertThat(row[3]).isEqualTo(List.of());
    }

    @Test
    void customCollectionDelimitersAndDeeperLevelsFollowHive() {
        Map<String, String> parameters = Map.of("field.delim", ",", "collection.delim", "|", "mapkey.delim", ":");
        String line = "a:1\u00042|b:3,x:1:2|y,1:q|2:bad\n";
        List<Object[]> rows = read(line, columns("m", "map<string,array<int>>", "aa", "array<array<string>>",
                "mi", "map<int,string>"), parameters);
        Object[] row = rows.get(0);
        assertThat(row[0]).isEqualTo(Map.of("a", List.of(1, 2), "b", List.of(3)));
        assertThat(row[1]).isEqualTo(List.of(List.of("x", "1", "2"), List.of("y")));
        assertThat(row[2]).isEqualTo(Map.of(1, "q", 2, "bad"));
    }

    @Test
    void nestedElementsUseTheNullFormatAndBadElementsAreNull() {
        Map<String, String> parameters = Map.of("field.delim", ",", "collection.delim", "|");
        List<Object[]> rows = read("1|\\N|x|4\n", columns("arr", "array<int>"), parameters);
        assertThat(rows.get(0)[0]).isEqualTo(java.util.Arrays.asList(1, null, null, 4));
    }

    @Test
    void escapeDelimKeepsEscapedDelimitersAndNewlinesInsideAField() {
        Map<String, String> parameters = Map.of("field.delim", ",", "escape.delim", "\\");
        String text = "a\\,b,c\\\\d\nline\\\nbreak,x\nlast\\,,y\n";
        List<Object[]> rows = read(text, columns("s", "string", "t", "string"), parameters);
        assertThat(rows).containsExactly(new Object[] {"a,b", "c\\d"}, new Object[] {"line\nbreak", "x"},
                new Object[] {"last,", "y"});
    }

    @Test
    void anEscapedCarriageReturnAtTheEndOfALineIsKept() {
        Map<String, String> parameters = Map.of("field.delim", ",", "escape.delim", "\\");
        assertThat(read("a,b\\\r\nc,d\r\n", columns("s", "string", "t", "string"), parameters))
                .containsExactly(new Object[] {"a", "b\r"}, new Object[] {"c", "d"});
    }

    @Test
    void escapedCollectionDelimiterStaysInsideTheElement() {
        Map<String, String> parameters = Map.of("field.delim", ",", "collection.delim", "|", "escape.delim", "\\");
        List<Object[]> rows = read("a\\|b|c\n", columns("arr", "array<string>"), parameters);
        assertThat(rows.get(0)[0]).isEqualTo(List.of("a|b", "c"));
    }

    @Test
    void escapeCrlfTurnsEscapedRAndNIntoLineBreaks() {
        Map<String, String> parameters = Map.of("field.delim", ",", "escape.delim", "\\",
                "serialization.escape.crlf", "true");
        assertThat(read("a\\nb\\rc\n", columns("s", "string"), parameters))
                .containsExactly(new Object[] {"a\nb\rc"});
        Map<String, String> plain = Map.of("field.delim", ",", "escape.delim", "\\");
        assertThat(read("a\\nb\n", columns("s", "string"), plain)).containsExactly(new Object[] {"anb"});
    }

    @Test
    void withoutEscapeDelimABackslashIsAnOrdinaryCharacter() {
        assertThat(readComma("a\\,b\n", "s", "string", "t", "string")).containsExactly(new Object[] {"a\\", "b"});
    }

    @Test
    void headerLinesAreSkipped() {
        Map<String, String> parameters = Map.of("field.delim", ",", "skip.header.line.count", "2");
        assertThat(read("id,name\nint,string\n1,a\n", columns("id", "int", "name", "string"), parameters))
                .containsExactly(new Object[] {1, "a"});
        assertThat(read("id,name\n", columns("id", "int", "name", "string"), parameters)).isEmpty();
    }

    @Test
    void crlfLineEndingsAreStripped() {
        assertThat(readComma("1,a\r\n2,b\r\n", "id", "int", "name", "string"))
                .containsExactly(new Object[] {1, "a"}, new Object[] {2, "b"});
    }

    @Test
    void emptyObjectHasNoRowsAndAFinalLineWithoutNewlineIsARow() {
        assertThat(readComma("", "id", "int")).isEmpty();
        assertThat(readComma("1\n2", "id", "int")).containsExactly(new Object[] {1}, new Object[] {2});
        assertThat(readComma("1\n\n", "id", "int")).as("an empty line is a row of NULLs")
                .containsExactly(new Object[] {1}, new Object[] {null});
    }

    @Test
    void onlyProjectedColumnsAreReturnedInProjectionOrder() {
        List<Column> columns = columns("a", "int", "b", "string", "c", "double", "d", "string");
        List<Object[]> rows = readAll(reader, BytesObjectSource.of("1,x,2.5,y\n3,z\n"),
                request(columns, new int[] {2, 0, 3}, Map.of("field.delim", ","), LAZY));
        assertThat(rows).containsExactly(new Object[] {2.5, 1, "y"}, new Object[] {null, 3, null});
        List<Object[]> none = readAll(reader, BytesObjectSource.of("1,x\n3,z\n"),
                request(columns, new int[0], Map.of("field.delim", ","), LAZY));
        assertThat(none).as("a count(*) scan still sees every row").hasSize(2).allMatch(r -> r.length == 0);
    }

    @Test
    void absentSerializationLibraryMeansLazySimpleSerDe() {
        assertThat(readAll(reader, BytesObjectSource.of("1\u0001\"a\"\n"),
                request(columns("id", "int", "s", "string"), Map.of(), null)))
                .containsExactly(new Object[] {1, "\"a\""});
    }

    @Test
    void invalidUtf8IsADataErrorNamingObjectAndLine() {
        byte[] bytes = {'o', 'k', '\n', 'o', 'k', '\n', 'b', 'a', (byte) 0xC3, (byte) 0x28, '\n'};
        BytesObjectSource source = new BytesObjectSource("s3://b/k.csv", bytes);
        assertThatThrownBy(() -> readAll(reader, source, request(columns("s", "string"), Map.of(), LAZY)))
                .isInstanceOfSatisfying(GlauxException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.DATA_ERROR))
                .hasMessage("HIVE_BAD_DATA: Error parsing CSV in s3://b/k.csv at line 3: "
                        + "Invalid UTF-8 byte sequence at byte offset 8");
    }

    @Test
    void anIoErrorMidReadIsADataError() {
        io.glaux.format.ObjectSource failing = new io.glaux.format.ObjectSource() {
            public String name() {
                return "s3://b/broken";
            }

            public long size() {
                return 100;
            }

            public java.io.InputStream open(long offset, long length) {
                return new java.io.SequenceInputStream(
                        new java.io.ByteArrayInputStream("1\n2\n".getBytes(StandardCharsets.UTF_8)),
                        new java.io.InputStream() {
                            public int read() throws IOException {
                                throw new IOException("connection reset");
                            }
                        });
            }
        };
        assertThatThrownBy(() -> readAll(reader, failing, request(columns("i", "int"), Map.of(), LAZY)))
                .isInstanceOf(GlauxException.class)
                .hasMessageContaining("s3://b/broken at line 3")
                .hasMessageContaining("connection reset");
    }

    @Test
    void readsStreamRatherThanLoadingTheObject() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            text.append(i).append(",row ").append(i).append('\n');
        }
        BytesObjectSource source = BytesObjectSource.of(text.toString());
        Map<String, String> parameters = new HashMap<>(Map.of("field.delim", ","));
        try (RowSource rows = reader.open(source, request(columns("i", "int", "s", "string"), parameters, LAZY))) {
            assertThat(rows.next()).containsExactly(0, "row 0");
            assertThat(source.bytesRead()).isLessThan(source.size() / 4);
        }
    }
}
