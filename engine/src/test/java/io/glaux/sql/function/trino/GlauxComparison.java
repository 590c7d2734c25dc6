package io.glaux.sql.function.trino;

import io.glaux.QueryResults;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryState;
import io.glaux.sql.function.trino.TrinoAnswers.TrinoAnswer;
import io.glaux.testing.GlauxFixture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a fixture query through Glaux as Athena would (the whole engine: planning, execution, the result CSV read
 * back as text) and compares the answer with Trino's, value by value through {@link AthenaText}.
 * An error agrees when Glaux's reason carries Trino's error name and message.
 */
final class GlauxComparison {

    private final GlauxFixture glaux;

    GlauxComparison(GlauxFixture glaux) {
        this.glaux = glaux;
    }

    Outcome compare(TrinoAnswer trino) {
        QueryExecution done = glaux.run(trino.sql());
        if (done.state() != QueryState.SUCCEEDED) {
            String reason = String.valueOf(done.status().stateChangeReason());
            if (trino.failed()) {
                return reason.contains(trino.errorName()) && reason.contains(trino.errorMessage()) ? Outcome.AGREE
                        : Outcome.differs("Trino fails " + trino.errorName() + ": " + trino.errorMessage()
                        + " | Glaux fails: " + reason);
            }
            return Outcome.unsupported("Glaux fails: " + reason);
        }
        QueryResults results;
        try {
            results = glaux.glaux().results(done.queryExecutionId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (trino.failed()) {
            return Outcome.differs("Trino fails " + trino.errorName() + ": " + trino.errorMessage()
                    + " | Glaux answers " + results.rows());
        }
        return compareRows(trino, results.rows());
    }

    static Outcome compareRows(TrinoAnswer trino, List<List<String>> actual) {
        List<TrinoType> types = new ArrayList<>();
        trino.columnTypes().forEach(t -> types.add(TrinoType.parse(t)));
        if (actual.size() != trino.rows().size()) {
            return Outcome.differs("Glaux answers " + actual.size() + " rows " + actual + ", Trino "
                    + trino.rows().size());
        }
        for (int r = 0; r < actual.size(); r++) {
            List<String> row = actual.get(r);
            if (row.size() != types.size()) {
                return Outcome.differs("Glaux answers " + row.size() + " columns, Trino " + types.size());
            }
            for (int c = 0; c < types.size(); c++) {
                String expected = AthenaText.of(trino.rows().get(r).get(c), types.get(c));
                if (!AthenaText.agree(expected, row.get(c), types.get(c))) {
                    return Outcome.differs("Glaux answers " + show(row.get(c)) + ", Trino " + show(expected)
                            + " (" + trino.columnTypes().get(c) + ")");
                }
            }
        }
        return Outcome.AGREE;
    }

    private static String show(String text) {
        return text == null ? "NULL" : "'" + text + "'";
    }
}
