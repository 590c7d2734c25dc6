package io.glaux.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The engines the side-by-side harnesses time, in column order: Glaux over live Parquet, live text and SPICE, and
 * in-process DuckDB over the same rows in memory, over the same Parquet files and over the same text files
 * ({@code read_csv}). Each Glaux engine is measured against the DuckDB engine that reads the same storage
 * ({@link #duckDbTwin}).
 */
enum Engine {
    GLAUX_PARQUET("Glaux Parquet", "glaux-parquet"),
    GLAUX_CSV("Glaux CSV", "glaux-csv"),
    GLAUX_SPICE("Glaux SPICE", "glaux-spice"),
    DUCKDB_MEMORY("DuckDB memory", "duckdb-memory"),
    DUCKDB_PARQUET("DuckDB Parquet", "duckdb-parquet"),
    DUCKDB_CSV("DuckDB read_csv", "duckdb-csv");

    /** The column heading. */
    final String label;

    /** The name {@code --engines} takes. */
    final String option;

    Engine(String label, String option) {
        this.label = label;
        this.option = option;
    }

    boolean isGlaux() {
        return this == GLAUX_PARQUET || this == GLAUX_CSV || this == GLAUX_SPICE;
    }

    /**
     * The DuckDB engine reading what this Glaux engine reads: DuckDB over the same Parquet files for live Parquet,
     * {@code read_csv} over the same text for live text, DuckDB's own tables in memory for SPICE; null for DuckDB.
     */
    Engine duckDbTwin() {
        return switch (this) {
            case GLAUX_PARQUET -> DUCKDB_PARQUET;
            case GLAUX_CSV -> DUCKDB_CSV;
            case GLAUX_SPICE -> DUCKDB_MEMORY;
            default -> null;
        };
    }

    /** Engines named as {@code --engines} takes them, comma-separated ({@code glaux-parquet,duckdb-parquet}). */
    static List<Engine> parseList(String text) {
        List<Engine> engines = new ArrayList<>();
        for (String name : text.split(",")) {
            String wanted = name.trim().toLowerCase(Locale.ROOT);
            Engine engine = Arrays.stream(values()).filter(e -> e.option.equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown engine '" + name.trim() + "' (expected "
                            + String.join(", ", Arrays.stream(values()).map(e -> e.option).toList()) + ")"));
            if (!engines.contains(engine)) {
                engines.add(engine);
            }
        }
        engines.sort(null);
        return List.copyOf(engines);
    }
}
