package io.glaux.sql.differential;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The committed list of answers on which Glaux and DuckDB may differ ({@code differential/documented-differences.tsv}
 * on the test class path). Each line is {@code kind <TAB> name <TAB> regex <TAB> description}: {@code trino} for a
 * difference that is Trino's own behaviour (Glaux answers as Trino, DuckDB otherwise; the description names the
 * behaviour and where Trino documents it), {@code bug} for a known Glaux bug. A differing query is documented when the
 * regex is found in its Trino text. Lines starting with {@code #} are comments.
 */
final class DocumentedDifferences {

    /** One documented difference. */
    record Entry(String kind, String name, Pattern pattern, String description) {
    }

    private final List<Entry> entries;

    private DocumentedDifferences(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    static DocumentedDifferences load(String resource) {
        InputStream in = DocumentedDifferences.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing test resource " + resource);
        }
        List<Entry> entries = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                if (fields.length != 4 || !(fields[0].equals("trino") || fields[0].equals("bug"))) {
                    throw new IllegalStateException("Bad line in " + resource + ": " + line);
                }
                entries.add(new Entry(fields[0], fields[1], Pattern.compile(fields[2]), fields[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DocumentedDifferences(entries);
    }

    List<Entry> entries() {
        return entries;
    }

    /** The first entry whose pattern is found in the query, if any. */
    Optional<Entry> explaining(String trinoSql) {
        return entries.stream().filter(e -> e.pattern().matcher(trinoSql).find()).findFirst();
    }
}
