package io.glaux.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The Markdown table the side-by-side harnesses print: one row per query, one column per engine with its median time
 * in ms and, for an engine with a baseline, the time's ratio to the baseline's ({@code 812.4 (3.1×)}); a run that
 * timed out shows as {@code > N s}, one that failed as {@code failed}. A last row gives each engine's geometric mean
 * of its ratios over the queries where both it and its baseline answered.
 */
final class TimesTable {

    private TimesTable() {
    }

    /**
     * The table. {@code runs[q][e]} is query {@code q}'s run on {@code engines.get(e)} (null when not run);
     * {@code baseline} gives the engine an engine's time is divided by (null for none); {@code notes}, when not null,
     * adds a last column with one text per query.
     */
    static String markdown(List<String> queries, List<Engine> engines, TpchQueries.Run[][] runs,
                           Function<Engine, Engine> baseline, List<String> notes) {
        int width = Math.max(8, queries.stream().mapToInt(String::length).max().orElse(0));
        StringBuilder out = new StringBuilder("| ").append(pad("query", width)).append(" |");
        for (Engine engine : engines) {
            out.append(' ').append(engine.label).append(" |");
        }
        out.append(notes != null ? " answers |" : "").append("\n|---|").append("---:|".repeat(engines.size()))
                .append(notes != null ? "---|" : "").append('\n');
        double[] logRatios = new double[engines.size()];
        int[] ratioCounts = new int[engines.size()];
        for (int q = 0; q < queries.size(); q++) {
            out.append("| ").append(pad(queries.get(q), width)).append(" |");
            for (int e = 0; e < engines.size(); e++) {
                TpchQueries.Run run = runs[q][e];
                Engine baseEngine = baseline.apply(engines.get(e));
                int base = baseEngine == null ? -1 : engines.indexOf(baseEngine);
                TpchQueries.Run against = base >= 0 ? runs[q][base] : null;
                out.append(' ').append(time(run));
                if (run != null && run.succeeded() && against != null && against.succeeded()) {
                    double ratio = run.millis() / against.millis();
                    out.append(String.format(Locale.ROOT, " (%.1f×)", ratio));
                    logRatios[e] += Math.log(ratio);
                    ratioCounts[e]++;
                }
                out.append(" |");
            }
            out.append(notes != null ? " " + notes.get(q) + " |" : "").append('\n');
        }
        if (queries.size() > 1) {
            out.append("| ").append(pad("geometric mean of ratios", width)).append(" |");
            for (int e = 0; e < engines.size(); e++) {
                out.append(ratioCounts[e] == 0 ? " |" : String.format(Locale.ROOT, " %.1f× (%d) |",
                        Math.exp(logRatios[e] / ratioCounts[e]), ratioCounts[e]));
            }
            out.append(notes != null ? " |" : "").append('\n');
        }
        return out.toString();
    }

    /** A run's cell without its ratio. */
    static String time(TpchQueries.Run run) {
        if (run == null) {
            return "–";
        }
        if (run.timedOut()) {
            return String.format(Locale.ROOT, "> %d s", Math.round(run.millis() / 1000));
        }
        return run.succeeded() ? String.format(Locale.ROOT, "%.1f", run.millis()) : "failed";
    }

    private static String pad(String text, int width) {
        return String.format(Locale.ROOT, "%-" + width + "s", text);
    }
}
