package io.glaux.sql.function.trino;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The answers a real Trino gave to the documented function examples ({@code trino/function-answers.json}, written by
 * {@code tools/trino-fixture/generate.sh}): Trino's version, the function names of its SHOW FUNCTIONS, and per query
 * its columns and rows as Trino's JSON gives them, or its error.
 */
public record TrinoAnswers(String trinoVersion, List<String> functions, List<TrinoAnswer> answers) {

    public static final String RESOURCE = "/trino/function-answers.json";

    public TrinoAnswers {
        functions = List.copyOf(functions);
        answers = List.copyOf(answers);
    }

    /** The committed fixture, from the test class path. */
    public static TrinoAnswers load() {
        try (InputStream in = TrinoAnswers.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("No " + RESOURCE + " on the class path");
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TrinoAnswers parse(JsonNode root) {
        List<String> functions = new ArrayList<>();
        root.path("functions").forEach(f -> functions.add(f.asText()));
        List<TrinoAnswer> answers = new ArrayList<>();
        for (JsonNode a : root.path("answers")) {
            answers.add(TrinoAnswer.parse(a));
        }
        return new TrinoAnswers(root.path("trinoVersion").asText(), functions, answers);
    }

    /** One query's answer: rows (each a list of Trino JSON values) and column types, or Trino's error. */
    public record TrinoAnswer(String function, String sql, List<String> columnNames, List<String> columnTypes,
                              List<List<JsonNode>> rows, String errorName, String errorMessage) {

        public boolean failed() {
            return errorName != null;
        }

        static TrinoAnswer parse(JsonNode a) {
            String function = a.path("function").asText();
            String sql = a.path("sql").asText();
            if (a.has("error")) {
                return new TrinoAnswer(function, sql, List.of(), List.of(), List.of(),
                        a.path("error").path("name").asText(), a.path("error").path("message").asText());
            }
            List<String> names = new ArrayList<>();
            List<String> types = new ArrayList<>();
            for (JsonNode c : a.path("columns")) {
                names.add(c.path("name").asText());
                types.add(c.path("type").asText());
            }
            List<List<JsonNode>> rows = new ArrayList<>();
            for (JsonNode r : a.path("rows")) {
                List<JsonNode> row = new ArrayList<>();
                r.forEach(row::add);
                rows.add(row);
            }
            return new TrinoAnswer(function, sql, names, types, rows, null, null);
        }
    }
}
