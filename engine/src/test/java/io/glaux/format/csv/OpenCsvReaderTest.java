package io.glaux.format.csv;

import io.glaux.testing.BytesObjectSource;
import io.glaux.catalog.Column;
import io.glaux.catalog.StorageDescriptor;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.format.RowSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.glaux.format.text.TestRows.columns;
import static io.glaux.format.text.TestRows.readAll;
import static io.glaux.format.text.TestRows.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenCsvReaderTest {

    private static final String OPEN_CSV = StorageDescriptor.OPEN_CSV_SERDE;
    private final CsvFormatReader reader = new CsvFormatReader();

    private List<Object[]> read(String text, List<Column> columns, Map<String, String> parameters) {
        return readAll(reader, BytesObjectSource.of(text), request(columns, parameters, OPEN_CSV));
    }

    private List<Object[]> read(String text, String... namesAndTypes) {
        return read(text, columns(namesAndTypes), Map.of());
    }

    @Test
    void commaSeparatedFieldsWithDefaultQuoting() {
        assertThat(read("1,\"a\",plain\n2,\"b\",\n", "id", "int", "s", "string", "t", "string"))
                .containsExactly(new Object[] {1, "a", "plain"}, new Object[] {2, "b", ""});
    }

    @Test
    void quotedFieldsMayHoldSeparatorsDoubledQuotesAndNewlines() {
        String text = "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\n\"\",x,y\n";
        assertThat(read(text, "a", "string", "b", "string", "c", "string"))
                .containsExactly(new Object[] {"a,b", "say \"hi\"", "two\nlines"}, new Object[] {"", "x", "y"});
    }

    @Test
    void escapeCharKeepsQuotesAndItselfAndIsDroppedBeforeOtherCharacters() {
        String text = "\"q\\\"uote\",\"back\\\\slash\",\"tab\\tn\\n\"\n";
        assertThat(read(text, "a", "string", "b", "string", "c", "string"))
                .containsExactly(new Object[] {"q\"uote", "back\\slash", "tabtnn"});
    }

    @Test
    void anEscapedSeparatorStillSeparatesAsInOpenCsv() {
        assertThat(read("a\\,b,c\n", "x", "string", "y", "string", "z", "string"))
                .containsExactly(new Object[] {"a", "b", "c"});
    }

    @Test
    void separatorQuoteAndEscapeCharactersAreConfigurable() {
        Map<String, String> parameters = Map.of("separatorChar", "\t", "quoteChar", "'", "escapeChar", "#");
        String text = "'a\tb'\t'it#'s'\t##\n";
        assertThat(read(text, columns("a", "string", "b", "string", "c", "string"), parameters))
                .containsExactly(new Object[] {"a\tb", "it's", "#"});
        Map<String, String> escapedTab = Map.of("separatorChar", "\\t");
        assertThat(read("1\t2\n", columns("a", "int", "b", "int"), escapedTab)).containsExactly(new Object[] {1, 2});
    }

    @Test
    void anEscapeEqualToTheQuoteMeansDoubledQuotes() {
        Map<String, String> parameters = Map.of("escapeChar", "\"");
        assertThat(read("\"a\"\"b\",c\\d\n", columns("a", "string", "b", "string"), parameters))
                .containsExactly(new Object[] {"a\"b", "c\\d"});
    }

    @Test
    void emptyOrUnparsableFieldsOfNonStringColumnsAreNull() {
        assertThat(read(",,,\"\",x\n", "i", "int", "d", "double", "b", "boolean", "s", "string", "bi", "bigint"))
                .containsExactly(new Object[] {null, null, null, "", null});
    }

    @Test
    void useNullForInvalidDataFalseMakesABadValueADataError() {
        Map<String, String> parameters = Map.of("use.null.for.invalid.data", "false");
        assertThatThrownBy(() -> read("1,2\n3,x\n", columns("a", "int", "b", "int"), parameters))
                .isInstanceOfSatisfying(GlauxException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.DATA_ERROR))
                .hasMessage("HIVE_BAD_DATA: Error parsing CSV in s3://bucket/data/part-0 at line 2: "
                        + "column 'b' (int): Cannot parse 'x' as int");
    }

    @Test
    void typedColumnsParseAndDatesAndTimestampsAlsoAcceptUnixNumbers() {
        long millis = LocalDateTime.of(2020, 1, 15, 3, 44, 40).toInstant(ZoneOffset.UTC).toEpochMilli();
        String text = "true,12.345,18276,1579059880000,2020-01-15,2020-01-15 03:44:40,1e3\n";
        assertThat(read(text, "b", "boolean", "de", "decimal(6,2)", "d", "date", "t", "timestamp",
                "d2", "date", "t2", "timestamp", "f", "float"))
                .containsExactly(new Object[] {true, new BigDecimal("12.35"),
                    (int) LocalDate.of(2020, 1, 15).toEpochDay(), millis, 18276, millis, 1000f});
    }

    @Test
    void complexColumnsReadAsNull() {
        assertThat(read("\"1,2\",x\n", "a", "array<int>", "s", "string")).containsExactly(new Object[] {null, "x"});
    }

    @Test
    void missingFieldsAreNullExtraFieldsIgnoredAndEmptyLinesAreRows() {
        assertThat(read("1\n\n1,2,3,4\n", "a", "int", "b", "string", "c", "int"))
                .containsExactly(new Object[] {1, null, null}, new Object[] {null, null, null},
                        new Object[] {1, "2", 3});
    }

    @Test
    void headerSkipCrlfAndAMissingFinalNewline() {
        Map<String, String> parameters = Map.of("skip.header.line.count", "1");
        assertThat(read("\"id\",\"name\"\r\n1,\"a\"\r\n2,b", columns("id", "int", "name", "string"), parameters))
                .containsExactly(new Object[] {1, "a"}, new Object[] {2, "b"});
        assertThat(read("", "id", "int")).isEmpty();
    }

    @Test
    void projectionPicksAndOrdersColumns() {
        List<Object[]> rows = readAll(reader, BytesObjectSource.of("1,\"x,y\",3\n"),
                request(columns("a", "int", "b", "string", "c", "int"), new int[] {2, 1}, Map.of(), OPEN_CSV));
        assertThat(rows).containsExactly(new Object[] {3, "x,y"});
    }

    @Test
    void anUnterminatedQuoteIsADataErrorNamingTheObjectAndTheRecordLine() {
        BytesObjectSource source = new BytesObjectSource("s3://b/k/data.csv",
                "a,b\nc,d\n\"never closed,e\nmore\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThatThrownBy(() -> readAll(reader, source,
                request(columns("x", "string", "y", "string"), Map.of(), OPEN_CSV)))
                .isInstanceOfSatisfying(GlauxException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.DATA_ERROR))
                .hasMessageStartingWith("HIVE_BAD_DATA: Error parsing CSV in s3://b/k/data.csv at line 3: ")
                .hasMessageContaining("closing quote");
    }

    @Test
    void invalidUtf8IsADataErrorAtItsLine() {
        byte[] bytes = {'a', '\n', 'b', '\n', '"', (byte) 0xFF, '"', '\n'};
        assertThatThrownBy(() -> readAll(reader, new BytesObjectSource("s3://b/bad", bytes),
                request(columns("x", "string"), Map.of(), OPEN_CSV)))
                .isInstanceOf(GlauxException.class)
                .hasMessageStartingWith("HIVE_BAD_DATA: Error parsing CSV in s3://b/bad at line 3: Invalid UTF-8");
    }

    @Test
    void readsStreamRatherThanLoadingTheObject() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            text.append(i).append(",\"row ").append(i).append("\"\n");
        }
        BytesObjectSource source = BytesObjectSource.of(text.toString());
        try (RowSource rows = reader.open(source, request(columns("i", "int", "s", "string"), Map.of(), OPEN_CSV))) {
            assertThat(rows.next()).containsExactly(0, "row 0");
            assertThat(source.bytesRead()).isLessThan(source.size() / 4);
        }
    }
}
