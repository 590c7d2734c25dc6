package io.glaux.format.parquet;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Dictionary ids read in bulk from a page are checked against the dictionary they index, in runs and in groups. */
class FlatPagesTest {

    static final PrimitiveType TYPE = Types.required(PrimitiveType.PrimitiveTypeName.INT64).named("code");
    static final ColumnDescriptor COLUMN = new ColumnDescriptor(new String[] {"code"}, TYPE, 0, 0);

    @Test
    void readsIdsWithinTheDictionary() throws Exception {
        int[] ids = new int[1_000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i < 300 ? 10 : i * 7 % 11;
        }
        assertThat(readIds(4, ids, 11)).isEqualTo(ids);
        // Four bits cannot hold an id past a dictionary of 16: nothing to check.
        assertThat(readIds(4, ids, 16)).isEqualTo(ids);
    }

    @Test
    void failsOnAnIdPastTheDictionary() {
        int[] grouped = new int[1_000];
        for (int i = 0; i < grouped.length; i++) {
            grouped[i] = i == 777 ? 11 : i * 7 % 11;
        }
        assertThatThrownBy(() -> readIds(4, grouped, 11))
                .isInstanceOf(ParquetDecodingException.class)
                .hasMessageContaining("Dictionary id 11 out of range")
                .hasMessageContaining("dictionary of 11");
        int[] repeated = new int[1_000];
        Arrays.fill(repeated, 200, 400, 15);
        assertThatThrownBy(() -> readIds(4, repeated, 11))
                .isInstanceOf(ParquetDecodingException.class)
                .hasMessageContaining("Dictionary id 15 out of range");
    }

    /** One dictionary-encoded page of {@code ids} at {@code bitWidth}, read back against a dictionary of {@code size}. */
    static int[] readIds(int bitWidth, int[] ids, int size) throws Exception {
        BytesInput encoded;
        try (RunLengthBitPackingHybridEncoder encoder = new RunLengthBitPackingHybridEncoder(bitWidth, 64, 1 << 16,
                HeapByteBufferAllocator.getInstance())) {
            for (int id : ids) {
                encoder.writeInt(id);
            }
            encoded = BytesInput.copy(encoder.toBytes());
        }
        BytesInput page = BytesInput.concat(BytesInput.from(new byte[] {(byte) bitWidth}), encoded);
        Deque<DataPage> pages = new ArrayDeque<>();
        pages.add(new DataPageV1(page, ids.length, (int) page.size(), Statistics.createStats(TYPE), Encoding.RLE,
                Encoding.RLE, Encoding.RLE_DICTIONARY));
        FlatPages flat = new FlatPages(new PageReader() {
            @Override
            public DictionaryPage readDictionaryPage() {
                return null;
            }

            @Override
            public long getTotalValueCount() {
                return ids.length;
            }

            @Override
            public DataPage readPage() {
                return pages.poll();
            }
        }, COLUMN);
        int[] read = new int[ids.length];
        int[] levels = new int[ids.length];
        int done = 0;
        while (done < ids.length) {
            int n = Math.min(Math.min(ids.length - done, 97), flat.rowsLeftInPage());
            int present = flat.levels(n, levels);
            System.arraycopy(flat.ids(present, size), 0, read, done, present);
            done += n;
        }
        return read;
    }
}
