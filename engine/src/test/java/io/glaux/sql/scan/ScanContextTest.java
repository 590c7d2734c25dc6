package io.glaux.sql.scan;

import io.glaux.error.GlauxException;
import io.glaux.storage.LocalFolderStore;
import io.glaux.storage.ObjectInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bytes scanned count each byte range of an object once per query, however often it is read. */
class ScanContextTest {

    @TempDir
    Path data;

    @Test
    void rangesMergeAndOnlyNewBytesCount() {
        NavigableMap<Long, Long> ranges = new TreeMap<>();
        assertThat(ScanContext.addRange(ranges, 10, 20)).isEqualTo(10);
        assertThat(ScanContext.addRange(ranges, 10, 20)).isZero();
        assertThat(ScanContext.addRange(ranges, 15, 18)).isZero();
        assertThat(ScanContext.addRange(ranges, 20, 25)).isEqualTo(5);   // touching: merged
        assertThat(ranges).containsExactly(java.util.Map.entry(10L, 25L));
        assertThat(ScanContext.addRange(ranges, 30, 40)).isEqualTo(10);
        assertThat(ScanContext.addRange(ranges, 0, 5)).isEqualTo(5);
        assertThat(ScanContext.addRange(ranges, 3, 35)).isEqualTo(5 + 5);  // fills 5..10 and 25..30
        assertThat(ranges).containsExactly(java.util.Map.entry(0L, 40L));
        assertThat(ScanContext.addRange(ranges, 0, 100)).isEqualTo(60);
        assertThat(ScanContext.addRange(ranges, 50, 60)).isZero();
    }

    @Test
    void anObjectReadAgainCountsOnceButEveryReadIsKnown() throws Exception {
        LocalFolderStore store = new LocalFolderStore(data);
        store.createBucket("bkt");
        byte[] content = "0123456789abcdefghij".getBytes(StandardCharsets.UTF_8);
        store.put("bkt", "x", content);
        store.put("bkt", "y", content);
        ScanContext context = new ScanContext(new AtomicBoolean(), Long.MAX_VALUE);
        MeteredObjectSource x = new MeteredObjectSource(store, info("x", content.length), context);
        MeteredObjectSource y = new MeteredObjectSource(store, info("y", content.length), context);

        readAll(x, 0, 20);
        readAll(x, 0, 20);
        assertThat(context.bytesScanned()).isEqualTo(20);
        readAll(x, 16, 4);                                // a footer read again
        readAll(y, 5, 10);                                // another object counts on its own
        assertThat(context.bytesScanned()).isEqualTo(30);
        try (InputStream in = y.open(0, 20)) {
            assertThat(in.read()).isEqualTo('0');         // single-byte reads and skips keep the position
            assertThat(in.skip(9)).isEqualTo(9);
            assertThat(in.readNBytes(10)).hasSize(10);    // 10..20: 15..20 is new
        }
        assertThat(context.bytesScanned()).isEqualTo(36);
        assertThat(context.bytesRead()).isEqualTo(20 + 20 + 4 + 10 + 1 + 10);
    }

    @Test
    void theCutoffAppliesToBytesScannedNotToReReads() throws Exception {
        LocalFolderStore store = new LocalFolderStore(data);
        store.createBucket("bkt");
        store.put("bkt", "x", new byte[100]);
        ScanContext context = new ScanContext(new AtomicBoolean(), 150);
        MeteredObjectSource x = new MeteredObjectSource(store, info("x", 100), context);
        for (int i = 0; i < 5; i++) {
            readAll(x, 0, 100);
        }
        assertThat(context.bytesScanned()).isEqualTo(100);
        store.put("bkt", "z", new byte[100]);
        MeteredObjectSource z = new MeteredObjectSource(store, info("z", 100), context);
        assertThatThrownBy(() -> readAll(z, 0, 100)).isInstanceOf(GlauxException.class)
                .hasMessage("Query cancelled! Bytes scanned limit was exceeded");
    }

    private static ObjectInfo info(String key, long size) {
        return new ObjectInfo("bkt", key, size, Instant.EPOCH);
    }

    private static void readAll(MeteredObjectSource source, long offset, long length) throws Exception {
        try (InputStream in = source.open(offset, length)) {
            in.readAllBytes();
        }
    }
}
