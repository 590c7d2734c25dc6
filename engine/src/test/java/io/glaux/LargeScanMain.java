package io.glaux;

import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryState;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;

/**
 * Run in a child JVM by {@link LargeObjectScanTest}: opens Glaux over a data folder, runs the statements given as
 * arguments in order and prints the last one's rows, one per line, fields joined by tabs. Exits 1 if a statement does
 * not succeed. Reports the heap it had and the most of it any pool held on standard error.
 */
public final class LargeScanMain {

    private LargeScanMain() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        List<List<String>> rows = List.of();
        try (Glaux glaux = Glaux.builder().dataFolder(Path.of(args[0])).build()) {
            for (int i = 1; i < args.length; i++) {
                QueryExecution done = glaux.execute(args[i]);
                if (done.state() != QueryState.SUCCEEDED) {
                    System.err.println(args[i] + " ended " + done.state() + ": " + done.status().stateChangeReason());
                    System.exit(1);
                }
                rows = glaux.results(done.queryExecutionId()).rows();
                System.err.println("scanned " + done.statistics().dataScannedInBytes() + " bytes");
            }
        }
        for (List<String> row : rows) {
            System.out.println(String.join("\t", row));
        }
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        System.err.printf("max heap %d MiB, sum of heap pool peaks %d MiB, %d ms%n",
                Runtime.getRuntime().maxMemory() >> 20, peakHeap >> 20, (System.nanoTime() - start) / 1_000_000);
    }
}
