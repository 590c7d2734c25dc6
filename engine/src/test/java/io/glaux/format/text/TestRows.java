package io.glaux.format.text;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.format.FormatReader;
import io.glaux.format.ObjectSource;
import io.glaux.format.ReadRequest;
import io.glaux.format.RowSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Builds read requests and drains row sources for the text format tests. */
public final class TestRows {

    private TestRows() {
    }

    /** Columns from alternating names and DDL types: {@code columns("a", "int", "b", "string")}. */
    public static List<Column> columns(String... namesAndTypes) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            columns.add(new Column(namesAndTypes[i], AthenaType.parse(namesAndTypes[i + 1])));
        }
        return columns;
    }

    public static ReadRequest request(List<Column> columns, Map<String, String> parameters, String library) {
        return new ReadRequest(columns, IntStream.range(0, columns.size()).toArray(), List.of(), parameters, library);
    }

    public static ReadRequest request(List<Column> columns, int[] projection, Map<String, String> parameters,
                                      String library) {
        return new ReadRequest(columns, projection, List.of(), parameters, library);
    }

    public static List<Object[]> readAll(FormatReader reader, ObjectSource source, ReadRequest request) {
        try (RowSource rows = reader.open(source, request)) {
            List<Object[]> result = new ArrayList<>();
            Object[] row;
            while ((row = rows.next()) != null) {
                result.add(row);
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
