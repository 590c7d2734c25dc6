package io.glaux.bench;

import io.glaux.catalog.Column;
import io.glaux.catalog.StorageDescriptor;
import io.glaux.format.BatchSource;
import io.glaux.format.ColumnBatch;
import io.glaux.format.ObjectSource;
import io.glaux.format.ReadRequest;
import io.glaux.format.RowSource;
import io.glaux.format.RowWriter;
import io.glaux.format.csv.CsvFormatReader;
import io.glaux.format.csv.CsvFormatWriter;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Reads a TPC-H lineitem text object ('|'-delimited, LazySimpleSerDe) in rows ({@code CsvFormatReader.open}) and in
 * columns ({@code openBatches}), every column and a Q6-like projection, and prints rows per second of each. Usage:
 * {@code CsvBatchReading [scale=0.5] [file]}; the file is generated at the scale unless it exists. Run from the
 * reactor's classes:
 * <pre>
 * mvn -o -q -pl bench -am compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp bench/target/classes:$(cat cp.txt) io.glaux.bench.CsvBatchReading 0.5 lineitem.txt
 * </pre>
 */
public final class CsvBatchReading {

    private static final int BATCH_ROWS = 8192;
    private static final int RUNS = 3;
    private static final Map<String, String> PIPE = Map.of("field.delim", "|");

    private CsvBatchReading() {
    }

    public static void main(String[] args) throws IOException {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 0.5;
        Path file = args.length > 1 ? Path.of(args[1])
                : Path.of(System.getProperty("java.io.tmpdir"), "glaux-lineitem-" + scale + ".txt");
        if (!Files.exists(file)) {
            writeLineitem(scale, file);
        }
        ObjectSource source = new FileSource(file);
        List<Column> columns = TpchTables.LINEITEM_COLUMNS;
        int[] all = IntStream.range(0, columns.size()).toArray();
        int[] q6 = {4, 5, 6, 10};
        System.out.printf(Locale.ROOT, "%s: %.1f MiB%n", file, Files.size(file) / 1048576.0);
        try (BufferAllocator allocator = new RootAllocator()) {
            for (int[] projection : List.of(all, q6)) {
                ReadRequest request = new ReadRequest(columns, projection, List.of(), PIPE,
                        StorageDescriptor.LAZY_SIMPLE_SERDE);
                String what = projection.length + " of " + columns.size() + " columns";
                measure("rows    " + what, () -> readRows(source, request));
                measure("batches " + what, () -> readBatches(source, request, allocator));
            }
        }
    }

    private interface Read {
        long rows() throws IOException;
    }

    /**
     * One warm-up run, then the best of {@link #RUNS}, in elapsed time and in the reading thread's CPU time (steadier
     * than elapsed time on a shared machine; the collector's threads are not in it).
     */
    private static void measure(String what, Read read) throws IOException {
        read.rows();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        long rows = 0;
        for (int run = 0; run < RUNS; run++) {
            long started = System.nanoTime();
            long startedCpu = threads.getCurrentThreadCpuTime();
            rows = read.rows();
            bestCpu = Math.min(bestCpu, (threads.getCurrentThreadCpuTime() - startedCpu) / 1e9);
            best = Math.min(best, (System.nanoTime() - started) / 1e9);
        }
        System.out.printf(Locale.ROOT, "%-26s %,d rows: %.3f s elapsed, %,.0f rows/s; %.3f s CPU, %,.0f rows/s%n",
                what, rows, best, rows / best, bestCpu, rows / bestCpu);
    }

    private static long readRows(ObjectSource source, ReadRequest request) throws IOException {
        long rows = 0;
        try (RowSource rowSource = new CsvFormatReader().open(source, request)) {
            while (rowSource.next() != null) {
                rows++;
            }
        }
        return rows;
    }

    private static long readBatches(ObjectSource source, ReadRequest request, BufferAllocator allocator)
            throws IOException {
        long rows = 0;
        try (BatchSource batches = new CsvFormatReader().openBatches(source, request, allocator, BATCH_ROWS)
                .orElseThrow()) {
            ColumnBatch batch;
            while ((batch = batches.next()) != null) {
                rows += batch.rowCount();
                batch.close();
            }
        }
        return rows;
    }

    private static void writeLineitem(double scale, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             RowWriter writer = new CsvFormatWriter().create(out, TpchTables.LINEITEM_COLUMNS, PIPE);
             Stream<Object[]> rows = TpchTables.Table.LINEITEM.rows(scale)) {
            rows.forEach(row -> {
                try {
                    writer.write(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** A local file as an object. */
    private record FileSource(Path file) implements ObjectSource {

        @Override
        public String name() {
            return file.toUri().toString();
        }

        @Override
        public long size() {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public InputStream open(long offset, long length) throws IOException {
            if (length >= 0) {
                throw new UnsupportedOperationException("Text readers read to the end of the object");
            }
            InputStream in = Files.newInputStream(file);
            in.skipNBytes(offset);
            return in;
        }
    }
}
