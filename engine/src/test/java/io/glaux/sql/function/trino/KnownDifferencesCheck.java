package io.glaux.sql.function.trino;

import io.glaux.sql.function.trino.TrinoAnswers.TrinoAnswer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Holds Glaux's outcomes against the known-differences list: a listed query that now agrees is a problem (the list
 * only shrinks), an unlisted one that does not agree is a problem, and so is a listed query the fixture no longer
 * has. Also gives the list as it should now read, keeping a listed reason while the query still fails the same way.
 */
final class KnownDifferencesCheck {

    /** One fixture query and how Glaux's answer compared. */
    record Result(TrinoAnswer answer, Outcome outcome) {
    }

    private KnownDifferencesCheck() {
    }

    static List<String> problems(List<Result> results, KnownDifferences known) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Result r : results) {
            String sql = r.answer().sql();
            seen.add(sql);
            boolean listed = known.get(sql) != null;
            if (r.outcome().kind() == Outcome.Kind.AGREES && listed) {
                problems.add("Now agrees with Trino, remove it from known-differences.tsv: " + sql);
            } else if (r.outcome().kind() != Outcome.Kind.AGREES && !listed) {
                problems.add("Differs from Trino and is not a known difference: " + sql + "\n    "
                        + r.outcome().reason());
            }
        }
        for (String sql : known.bySql().keySet()) {
            if (!seen.contains(sql)) {
                problems.add("Listed in known-differences.tsv but not in the fixture: " + sql);
            }
        }
        return problems;
    }

    static List<KnownDifferences.Entry> updated(List<Result> results, KnownDifferences known) {
        List<KnownDifferences.Entry> entries = new ArrayList<>();
        for (Result r : results) {
            if (r.outcome().kind() == Outcome.Kind.AGREES) {
                continue;
            }
            KnownDifferences.Entry listed = known.get(r.answer().sql());
            String reason = listed != null && listed.kind() == r.outcome().kind() ? listed.reason()
                    : r.outcome().reason();
            entries.add(new KnownDifferences.Entry(r.answer().function(), r.answer().sql(), r.outcome().kind(),
                    reason));
        }
        return entries;
    }
}
