package io.glaux.sql.vector;

import io.glaux.catalog.Column;
import io.glaux.format.ColumnBatch;
import io.glaux.format.ColumnLayout;
import io.glaux.format.ValueRange;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Columnar data read in parts by several threads at once, each part encoded into record batches with string
 * dictionaries of its own ({@link Part}, one thread at a time), then made one by {@link #merge}: the parts in their
 * order, the first part's dictionaries kept and every other part's string ids translated into them, so the data are
 * those one reader would have encoded, ids included. All memory comes from one allocator; what has not been merged is
 * freed by {@link #free}.
 *
 * <p>A string column can be held as values where the reader gives them so ({@link BatchEncoder}): then a batch of it
 * is either ids into the column's dictionary (the reader gave ids into a dictionary of its own) or a
 * {@code VarCharVector} of the values, which merging leaves as they are.
 */
public final class ColumnarParts {

    private final BufferAllocator allocator;
    private final List<Column> columns;
    private final boolean[] heldAsValues;
    private final List<Part> parts = new ArrayList<>();

    /** @param heldAsValues per column, whether a string column keeps the values a reader gives as such */
    public ColumnarParts(BufferAllocator allocator, List<Column> columns, boolean[] heldAsValues) {
        this.allocator = allocator;
        this.columns = List.copyOf(columns);
        this.heldAsValues = heldAsValues.clone();
    }

    /** A new part, to be filled by one thread; {@code sequence} is its place in the data. */
    public Part newPart(int sequence) {
        Part part = new Part(sequence);
        synchronized (parts) {
            parts.add(part);
        }
        return part;
    }

    /** One part's batches and dictionaries. */
    public final class Part {
        private final int sequence;
        private final List<VectorSchemaRoot> batches = new ArrayList<>();
        private final StringDictionary[] dictionaries = new StringDictionary[columns.size()];
        /** Per column, the union of its batches' value ranges while every batch gave one ({@link #unranged}). */
        private final ValueRange[] ranges = new ValueRange[columns.size()];
        private final boolean[] unranged = new boolean[columns.size()];
        private BatchEncoder encoder;

        private Part(int sequence) {
            this.sequence = sequence;
        }

        /** Encodes a batch read in columns ({@link BatchEncoder#encode}) into this part; the batch is left empty. */
        public void add(ColumnBatch batch, int[] fields) {
            if (encoder == null) {
                for (int field : fields) {
                    if (ColumnLayout.isDictionaryEncoded(columns.get(field).type()) && dictionaries[field] == null) {
                        dictionaries[field] = new StringDictionary(field, columns.get(field).name(), allocator);
                    }
                }
                encoder = new BatchEncoder(allocator, columns, dictionaries, heldAsValues);
            }
            for (int j = 0; j < fields.length; j++) {
                ValueRange range = batch.range(j);
                int column = fields[j];
                if (range == null) {
                    unranged[column] = true;
                } else if (!unranged[column]) {
                    ranges[column] = ranges[column] == null ? range : ranges[column].union(range);
                }
            }
            batches.add(encoder.encode(batch, fields));
        }
    }

    /**
     * The parts as one: their batches in part order, and one dictionary per string column (null for other columns and
     * for columns no part read). The batches and dictionaries now belong to the caller.
     */
    public Merged merge() {
        List<Part> ordered;
        synchronized (parts) {
            ordered = new ArrayList<>(parts);
            parts.clear();
        }
        ordered.sort(Comparator.comparingInt(part -> part.sequence));
        StringDictionary[] merged = new StringDictionary[columns.size()];
        List<VectorSchemaRoot> batches = new ArrayList<>();
        ColumnStats[] stats = mergedRanges(ordered);
        try {
            for (Part part : ordered) {
                for (int column = 0; column < merged.length; column++) {
                    StringDictionary own = part.dictionaries[column];
                    if (own == null) {
                        continue;
                    }
                    if (merged[column] == null) {
                        merged[column] = own;
                    } else {
                        translate(part.batches, column, own.idsIn(merged[column]));
                        own.close();
                    }
                    part.dictionaries[column] = null;
                }
                batches.addAll(part.batches);
                part.batches.clear();
            }
        } catch (RuntimeException | Error e) {
            for (Part part : ordered) {
                free(part);
            }
            ColumnarBatches.free(batches, merged, null);
            throw e;
        }
        return new Merged(batches, merged, stats);
    }

    /**
     * Per column, the range of its values where every batch of every part came with one from its reader
     * ({@link ColumnBatch#range}), else null.
     */
    private ColumnStats[] mergedRanges(List<Part> ordered) {
        ColumnStats[] stats = new ColumnStats[columns.size()];
        for (int column = 0; column < stats.length; column++) {
            ValueRange union = null;
            boolean known = true;
            for (Part part : ordered) {
                if (part.batches.isEmpty()) {
                    continue;
                }
                ValueRange range = part.ranges[column];
                if (part.unranged[column] || range == null) {
                    known = false;
                    break;
                }
                union = union == null ? range : union.union(range);
            }
            stats[column] = known && union != null ? new ColumnStats(union.min(), union.max(), false) : null;
        }
        return stats;
    }

    /**
     * The batches and dictionaries of merged parts, and per column the range its readers gave for its values (a
     * bound, {@link RecordBatches#RecordBatches(List, List, ColumnStats[])}), or null.
     */
    public record Merged(List<VectorSchemaRoot> batches, StringDictionary[] dictionaries, ColumnStats[] ranges) {
    }

    private static void translate(List<VectorSchemaRoot> batches, int column, int[] ids) {
        for (VectorSchemaRoot batch : batches) {
            if (batch.getVector(column) instanceof IntVector codes) {
                BatchEncoder.translate(codes, batch.getRowCount(), ids);
            }
        }
    }

    /** Frees every part not yet merged (a read that failed). */
    public void free() {
        List<Part> left;
        synchronized (parts) {
            left = new ArrayList<>(parts);
            parts.clear();
        }
        left.forEach(ColumnarParts::free);
    }

    private static void free(Part part) {
        ColumnarBatches.free(part.batches, part.dictionaries, null);
        part.batches.clear();
    }
}
