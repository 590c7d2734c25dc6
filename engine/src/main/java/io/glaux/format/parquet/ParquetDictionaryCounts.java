package io.glaux.format.parquet;

import io.glaux.format.DistinctCounts;
import io.glaux.format.ObjectSource;
import org.apache.parquet.column.EncodingStats;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The distinct values of a Parquet object's top-level columns in its first row group, from the headers of their
 * dictionary pages: a column chunk whose data pages all hold dictionary codes (as the footer's encoding statistics
 * say) has exactly as many distinct values as its dictionary. One small ranged read per such column; the values are
 * not read. A column whose writer fell back to plain pages, or whose header cannot be read, is left out.
 */
final class ParquetDictionaryCounts {

    /** Bytes read for a dictionary page's header: its fields take a few dozen. */
    private static final int HEADER_BYTES = 256;

    private ParquetDictionaryCounts() {
    }

    static Optional<DistinctCounts> read(ObjectSource source) throws IOException {
        ParquetMetadata footer = OpenedParquet.footer(source);
        if (footer.getBlocks().isEmpty()) {
            return Optional.empty();
        }
        BlockMetaData first = footer.getBlocks().get(0);
        Map<String, Long> distinct = new HashMap<>();
        Map<String, Long> nonNull = new HashMap<>();
        for (ColumnChunkMetaData chunk : first.getColumns()) {
            EncodingStats encodings = chunk.getEncodingStats();
            if (chunk.getPath().size() != 1 || !chunk.hasDictionaryPage() || encodings == null
                    || encodings.hasNonDictionaryEncodedPages()) {
                continue;
            }
            long values = dictionaryValues(source, chunk);
            if (values >= 0) {
                String name = chunk.getPath().toDotString().toLowerCase(Locale.ROOT);
                distinct.put(name, values);
                nonNull.put(name, chunk.getValueCount() - nulls(chunk.getStatistics()));
            }
        }
        return Optional.of(new DistinctCounts(first.getRowCount(), footer.getBlocks().size() == 1, distinct,
                nonNull));
    }

    /** The values in the chunk's dictionary page, or -1 when its header cannot be read as one. */
    private static long dictionaryValues(ObjectSource source, ColumnChunkMetaData chunk) {
        long offset = chunk.getDictionaryPageOffset();
        long length = Math.min(HEADER_BYTES, source.size() - offset);
        if (offset <= 0 || length <= 0) {
            return -1;
        }
        try (InputStream in = source.open(offset, length)) {
            PageHeader header = Util.readPageHeader(in);
            return header.isSetDictionary_page_header() ? header.getDictionary_page_header().getNum_values() : -1;
        } catch (IOException | RuntimeException e) {
            // A writer that misplaced its dictionary offset: the column is left to the other estimates.
            return -1;
        }
    }

    private static long nulls(Statistics<?> statistics) {
        return statistics == null || statistics.isEmpty() || !statistics.isNumNullsSet() ? 0
                : statistics.getNumNulls();
    }
}
