package io.glaux.sql.function.trino;

import io.glaux.sql.function.TrinoFunctions;
import io.glaux.sql.function.trino.TrinoAnswers.TrinoAnswer;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes docs/functions.md, the function compatibility page: every function of Trino 368's SHOW FUNCTIONS (from the
 * fixture), whether Glaux has it, how many of its documented examples Glaux answers as Trino did, and why the others
 * differ (from known-differences.tsv). "Has it" means Glaux's registry binds the name ({@link
 * TrinoFunctions#supportedNames()}, its operator tables) or Calcite's standard operator table knows it by name.
 * The page is derived data: {@code FunctionCompatibilityPageTest} checks the committed page is what this writes.
 */
final class FunctionCompatibilityPage {

    static final Path PAGE = Path.of("../docs/functions.md");

    private FunctionCompatibilityPage() {
    }

    /** Writes the page from the committed fixture and list; run from the engine module's folder. */
    public static void main(String[] args) throws IOException {
        Files.writeString(PAGE, render(TrinoAnswers.load(), KnownDifferences.read(), registeredNames()),
                StandardCharsets.UTF_8);
    }

    /** Lower-case names Glaux resolves as functions. */
    static Set<String> registeredNames() {
        Set<String> names = new TreeSet<>();
        TrinoFunctions.supportedNames().forEach(n -> names.add(n.toLowerCase(Locale.ROOT)));
        List<SqlOperator> operators = new ArrayList<>(SqlStdOperatorTable.instance().getOperatorList());
        operators.addAll(TrinoFunctions.operatorTable().getOperatorList());
        operators.addAll(TrinoFunctions.libraryOperators().getOperatorList());
        for (SqlOperator op : operators) {
            if (op instanceof SqlFunction) {
                names.add(op.getName().toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /** Examples per function tag (lower case): how many, how many agree, and the distinct reasons of the others. */
    private record Examples(int total, int agree, Set<String> notes) {
    }

    static String render(TrinoAnswers fixture, KnownDifferences known, Set<String> registered) {
        Map<String, Examples> examples = new TreeMap<>();
        for (TrinoAnswer a : fixture.answers()) {
            String tag = a.function().toLowerCase(Locale.ROOT);
            Examples e = examples.getOrDefault(tag, new Examples(0, 0, new LinkedHashSet<>()));
            KnownDifferences.Entry listed = known.get(a.sql());
            if (listed != null) {
                e.notes().add(listed.reason().replace("|", "\\|"));
            }
            examples.put(tag, new Examples(e.total() + 1, e.agree() + (listed == null ? 1 : 0), e.notes()));
        }
        Set<String> functions = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        functions.addAll(fixture.functions());
        StringBuilder rows = new StringBuilder();
        int yes = 0;
        int partly = 0;
        int no = 0;
        for (String function : functions) {
            String lower = function.toLowerCase(Locale.ROOT);
            Examples e = examples.get(lower);
            String status;
            if (e != null && e.agree() == e.total()) {
                status = "yes";
            } else if (e != null && e.agree() > 0) {
                status = "partly";
            } else if (e == null && registered.contains(lower)) {
                status = "yes (untested)";
            } else {
                status = "no";
            }
            switch (status) {
                case "no" -> no++;
                case "partly" -> partly++;
                default -> yes++;
            }
            rows.append("| `").append(function).append("` | ").append(status).append(" | ")
                    .append(e == null ? "" : e.agree() + " / " + e.total()).append(" | ")
                    .append(e == null ? "" : String.join("; ", e.notes())).append(" |\n");
        }
        StringBuilder syntax = new StringBuilder();
        for (Map.Entry<String, Examples> e : examples.entrySet()) {
            if (!functions.contains(e.getKey())) {
                syntax.append("| ").append(e.getKey().replace("|", "\\|")).append(" | ")
                        .append(e.getValue().agree()).append(" / ").append(e.getValue().total()).append(" | ")
                        .append(String.join("; ", e.getValue().notes())).append(" |\n");
            }
        }
        int agreeing = 0;
        for (Examples e : examples.values()) {
            agreeing += e.agree();
        }
        return "# Trino function compatibility\n\n"
                + "<!-- Generated by io.glaux.sql.function.trino.FunctionCompatibilityPage; do not edit. -->\n\n"
                + "Athena engine v3 is Trino. This page lists every function of Trino " + fixture.trinoVersion()
                + "'s `SHOW FUNCTIONS` and whether Glaux answers it as Trino does. \"Examples\" counts the function's"
                + " documented examples (`engine/src/test/resources/trino/function-examples.tsv`) whose answer from"
                + " Glaux equals the answer a real Trino " + fixture.trinoVersion() + " gave"
                + " (`function-answers.json`, recorded by `tools/trino-fixture/generate.sh`); the notes are the"
                + " reasons of the others (`known-differences.tsv`). \"yes (untested)\" means Glaux resolves the"
                + " name but no example checks it yet.\n\n"
                + "Functions: " + functions.size() + " — yes " + yes + ", partly " + partly + ", no " + no
                + ". Examples: " + fixture.answers().size() + ", agreeing " + agreeing + ".\n\n"
                + "Regenerate after a change: `mvn -o -q -pl engine -am test -Dtest='io.glaux.sql.function.trino.**'"
                + " -Dglaux.trinoFixture.update=true -Dglaux.functionsPage.update=true`.\n\n"
                + "| Function | Glaux | Examples agreeing | Notes |\n|---|---|---|---|\n" + rows
                + "\n## Operators, special forms and syntax\n\n"
                + "Examples of what `SHOW FUNCTIONS` does not list: operators, literals, casts, clauses, and the"
                + " special forms Trino parses itself (`if`, `coalesce`, `nullif`, `try`, `format`, `extract`,"
                + " `position`...).\n\n"
                + "| Syntax | Examples agreeing | Notes |\n|---|---|---|\n" + syntax;
    }
}
