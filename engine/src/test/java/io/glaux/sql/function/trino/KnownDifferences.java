package io.glaux.sql.function.trino;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixture queries Glaux does not yet answer as Trino does ({@code trino/known-differences.tsv}): one a line,
 * {@code function TAB query TAB differs|unsupported TAB reason}; lines starting with '#' are comments. Keyed by the
 * query's text.
 */
record KnownDifferences(Map<String, Entry> bySql) {

    static final Path FILE = Path.of("src/test/resources/trino/known-differences.tsv");

    private static final String HEADER = """
            # Fixture queries (function-examples.tsv) Glaux does not yet answer as Trino 368 does, with why.
            # function TAB query TAB differs|unsupported TAB reason. Checked by io.glaux.sql.function.trino.TrinoFixtureTest:
            # a listed query that agrees, or an unlisted one that differs, fails the test. Rewrite it after a change with
            # -Dglaux.trinoFixture.update=true (hand-written reasons of queries still listed are kept).
            """;

    record Entry(String function, String sql, Outcome.Kind kind, String reason) {
    }

    KnownDifferences {
        bySql = Map.copyOf(bySql);
    }

    static KnownDifferences read() {
        try {
            return parse(Files.exists(FILE) ? Files.readAllLines(FILE, StandardCharsets.UTF_8) : List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KnownDifferences parse(List<String> lines) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 4);
            if (parts.length != 4) {
                throw new IllegalArgumentException(FILE + ":" + (i + 1) + ": expected function, query, kind, reason");
            }
            Outcome.Kind kind = Outcome.Kind.valueOf(parts[2].trim().toUpperCase(java.util.Locale.ROOT));
            if (entries.put(parts[1], new Entry(parts[0], parts[1], kind, parts[3])) != null) {
                throw new IllegalArgumentException(FILE + ":" + (i + 1) + ": query listed twice: " + parts[1]);
            }
        }
        return new KnownDifferences(entries);
    }

    Entry get(String sql) {
        return bySql.get(sql);
    }

    /** Writes the entries in the given order. */
    static void write(List<Entry> entries) {
        StringBuilder out = new StringBuilder(HEADER);
        for (Entry e : entries) {
            out.append(e.function()).append('\t').append(e.sql()).append('\t').append(e.kind().word())
                    .append('\t').append(e.reason()).append('\n');
        }
        try {
            Files.writeString(FILE, out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
