package io.glaux.format.parquet;

import io.glaux.format.ObjectSource;
import io.glaux.format.ObjectStatistics;
import org.apache.parquet.column.statistics.IntStatistics;
import org.apache.parquet.column.statistics.LongStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A Parquet object's row count and the value ranges of its top-level integer columns (INT32 and INT64, which hold
 * integers, dates and decimals of up to 18 digits as unscaled values), read from its footer. A column whose row group
 * has no statistics, or only NULLs, leaves the column without a range.
 */
final class ParquetFooterStatistics {

    private ParquetFooterStatistics() {
    }

    static ObjectStatistics read(ObjectSource source) throws IOException {
        ParquetMetadata footer = OpenedParquet.footer(source);
        long rows = 0;
        Map<String, ObjectStatistics.ValueRange> ranges = new HashMap<>();
        Set<String> unknown = new HashSet<>();
        for (BlockMetaData block : footer.getBlocks()) {
            rows += block.getRowCount();
            for (ColumnChunkMetaData chunk : block.getColumns()) {
                if (chunk.getPath().size() != 1) {
                    continue;
                }
                String name = chunk.getPath().toDotString().toLowerCase(Locale.ROOT);
                ObjectStatistics.ValueRange range = range(chunk.getStatistics());
                if (range == null) {
                    unknown.add(name);
                } else {
                    ranges.merge(name, range, ObjectStatistics.ValueRange::union);
                }
            }
        }
        unknown.forEach(ranges::remove);
        return new ObjectStatistics(rows, ranges);
    }

    private static ObjectStatistics.ValueRange range(Statistics<?> statistics) {
        if (statistics == null || statistics.isEmpty() || !statistics.hasNonNullValue()) {
            return null;
        }
        if (statistics instanceof IntStatistics ints) {
            return new ObjectStatistics.ValueRange(ints.getMin(), ints.getMax());
        }
        if (statistics instanceof LongStatistics longs) {
            return new ObjectStatistics.ValueRange(longs.getMin(), longs.getMax());
        }
        return null;
    }
}
