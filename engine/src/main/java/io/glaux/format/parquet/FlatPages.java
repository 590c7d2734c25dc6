package io.glaux.format.parquet;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.ParquetDecodingException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Set;

/**
 * The data pages (version 1 and 2) of a flat column chunk, read directly rather than one value at a time through a
 * column reader: definition levels (RLE) and dictionary ids are decoded many at a time ({@link RleHybridDecoder});
 * plain values are left in their little-endian buffer for the caller to read. For columns without repetition, with
 * at most one definition level, whose chunk uses only PLAIN, dictionary and RLE encodings (see {@link #supports}),
 * without page filtering.
 * The caller reads a page's rows in steps: {@link #rowsLeftInPage}, then for a step's rows {@link #levels}, then as
 * many values as were present with {@link #ids} or {@link #values}.
 */
final class FlatPages {

    private final PageReader pages;
    private final ColumnDescriptor descriptor;
    private final int maxDefinitionLevel;
    private RleHybridDecoder levels;
    private RleHybridDecoder ids;
    private ByteBuffer values;
    private int pageRowsLeft;
    private int[] idBuffer = new int[0];

    FlatPages(PageReader pages, ColumnDescriptor descriptor) {
        this.pages = pages;
        this.descriptor = descriptor;
        this.maxDefinitionLevel = descriptor.getMaxDefinitionLevel();
    }

    /** Whether the chunk can be read this way (see the class comment). */
    static boolean supports(PageReadStore store, ColumnDescriptor descriptor, ColumnChunkMetaData chunk) {
        if (store.getRowIndexes().isPresent() || descriptor.getMaxRepetitionLevel() != 0
                || descriptor.getMaxDefinitionLevel() > 1) {
            return false;
        }
        // Writers list BIT_PACKED for the (empty) repetition levels of flat columns in version 1 pages; definition
        // levels have been RLE since page encoding statistics exist, so BIT_PACKED is taken as the repetition
        // levels' only when the chunk has them (a page with other definition levels fails rather than misreads).
        boolean modern = chunk.getEncodingStats() != null;
        Set<Encoding> encodings = chunk.getEncodings();
        return encodings.stream().allMatch(e -> e == Encoding.PLAIN || e == Encoding.RLE || e.usesDictionary()
                || (modern && e == Encoding.BIT_PACKED));
    }

    /** Rows left in the current page, moving to the next page when the current one is read. */
    int rowsLeftInPage() {
        if (pageRowsLeft == 0) {
            nextPage();
        }
        return pageRowsLeft;
    }

    /**
     * Reads the definition levels of the next {@code rows} rows of the page (at most {@link #rowsLeftInPage}): 1 for a
     * value, 0 for NULL; returns how many are values.
     */
    int levels(int rows, int[] out) {
        pageRowsLeft -= rows;
        if (maxDefinitionLevel == 0) {
            Arrays.fill(out, 0, rows, 1);
            return rows;
        }
        levels.read(out, 0, rows);
        int present = 0;
        for (int i = 0; i < rows; i++) {
            present += out[i];
        }
        return present;
    }

    /** Whether the current page holds dictionary ids (else plain values). */
    boolean dictionaryEncoded() {
        return ids != null;
    }

    /** The next {@code count} dictionary ids of the page, checked against the dictionary's size. */
    int[] ids(int count, int dictionarySize) {
        idsToLookUp(count);
        if (ids.largestValue() >= dictionarySize) {
            // The largest id, unsigned, in one loop without a branch; only a bad one is then looked for.
            int largest = Integer.MIN_VALUE;
            for (int i = 0; i < count; i++) {
                largest = Math.max(largest, idBuffer[i] ^ Integer.MIN_VALUE);
            }
            if (Integer.compareUnsigned(largest ^ Integer.MIN_VALUE, dictionarySize) >= 0) {
                for (int i = 0; i < count; i++) {
                    if (Integer.compareUnsigned(idBuffer[i], dictionarySize) >= 0) {
                        throw new ParquetDecodingException("Dictionary id " + Integer.toUnsignedString(idBuffer[i])
                                + " out of range in column " + descriptor + " (dictionary of " + dictionarySize
                                + ")");
                    }
                }
            }
        }
        return idBuffer;
    }

    /**
     * The next {@code count} dictionary ids of the page, unchecked: for a caller that looks each one up in a Java array
     * of the dictionary's values, whose bounds check is the check; it reports a failed one with {@link #idOutOfRange}.
     */
    int[] idsToLookUp(int count) {
        if (idBuffer.length < count) {
            idBuffer = new int[Math.max(count, 1_024)];
        }
        ids.read(idBuffer, 0, count);
        return idBuffer;
    }

    /** The failure of a look-up of an id from {@link #idsToLookUp} past a dictionary of {@code dictionarySize}. */
    ParquetDecodingException idOutOfRange(int dictionarySize, ArrayIndexOutOfBoundsException e) {
        return new ParquetDecodingException("Dictionary id out of range in column " + descriptor + " (dictionary of "
                + dictionarySize + ")", e);
    }

    /** The page's plain values, little endian, positioned at the next one; the caller advances the position. */
    ByteBuffer values() {
        return values;
    }

    private void nextPage() {
        DataPage page = pages.readPage();
        if (page == null) {
            throw new ParquetDecodingException("Column " + descriptor + " has fewer values than its row group");
        }
        levels = null;
        ids = null;
        values = null;
        page.accept(new DataPage.Visitor<Void>() {
            @Override
            public Void visit(DataPageV1 v1) {
                ByteBuffer bytes = buffer(v1.getBytes());
                int position = bytes.position();
                if (maxDefinitionLevel > 0) {
                    if (v1.getDlEncoding() != Encoding.RLE) {
                        throw new ParquetDecodingException("Unsupported definition level encoding "
                                + v1.getDlEncoding() + " in column " + descriptor);
                    }
                    int length = bytes.getInt(position);
                    levels = new RleHybridDecoder(bytes, position + 4, position + 4 + length, 1);
                    position += 4 + length;
                }
                startValues(v1.getValueEncoding(), bytes, position);
                return null;
            }

            @Override
            public Void visit(DataPageV2 v2) {
                if (maxDefinitionLevel > 0) {
                    ByteBuffer levelBytes = buffer(v2.getDefinitionLevels());
                    levels = new RleHybridDecoder(levelBytes, levelBytes.position(), levelBytes.limit(), 1);
                }
                ByteBuffer data = buffer(v2.getData());
                startValues(v2.getDataEncoding(), data, data.position());
                return null;
            }
        });
        pageRowsLeft = page.getValueCount();
    }

    private void startValues(Encoding encoding, ByteBuffer bytes, int position) {
        if (encoding.usesDictionary()) {
            ids = new RleHybridDecoder(bytes, position + 1, bytes.limit(), bytes.get(position));
        } else if (encoding == Encoding.PLAIN) {
            values = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
            values.position(position);
        } else {
            throw new ParquetDecodingException("Unsupported encoding " + encoding + " in column " + descriptor);
        }
    }

    private ByteBuffer buffer(BytesInput input) {
        try {
            return input.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new ParquetDecodingException("Could not read a page of column " + descriptor, e);
        }
    }
}
