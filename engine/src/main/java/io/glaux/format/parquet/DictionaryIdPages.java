package io.glaux.format.parquet;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.io.ParquetDecodingException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads the dictionary ids of a flat column chunk whose data pages are all dictionary-encoded straight from its pages
 * (version 1 and 2), many values at a time, instead of one value at a time through a column reader: definition levels
 * and ids are both RLE/bit-packed ({@link RleHybridDecoder}). For columns without repetition and at most one
 * definition level (flat, optional or required), without page filtering.
 */
final class DictionaryIdPages {

    private final PageReader pages;
    private final ColumnDescriptor descriptor;
    private final int maxDefinitionLevel;
    private final int dictionarySize;
    private RleHybridDecoder levels;
    private RleHybridDecoder ids;
    private int pageRowsLeft;
    private int[] levelBuffer = new int[0];
    private int[] idBuffer = new int[0];

    DictionaryIdPages(PageReader pages, ColumnDescriptor descriptor, int dictionarySize) {
        this.pages = pages;
        this.descriptor = descriptor;
        this.maxDefinitionLevel = descriptor.getMaxDefinitionLevel();
        this.dictionarySize = dictionarySize;
    }

    /** Whether this reader can read the column's pages. */
    static boolean supports(ColumnDescriptor descriptor) {
        return descriptor.getMaxRepetitionLevel() == 0 && descriptor.getMaxDefinitionLevel() <= 1;
    }

    /** Reads the next {@code rows} rows: ids into {@code data} (4 bytes each), set bits for non-NULL rows. */
    void read(int rows, ArrowBuf validity, ArrowBuf data) {
        int row = 0;
        while (row < rows) {
            if (pageRowsLeft == 0) {
                nextPage();
            }
            int n = Math.min(rows - row, pageRowsLeft);
            int present = n;
            if (maxDefinitionLevel > 0) {
                if (levelBuffer.length < n) {
                    levelBuffer = new int[n];
                }
                levels.read(levelBuffer, 0, n);
                present = 0;
                for (int i = 0; i < n; i++) {
                    present += levelBuffer[i];
                }
            }
            if (idBuffer.length < present) {
                idBuffer = new int[present];
            }
            ids.read(idBuffer, 0, present);
            int next = 0;
            for (int i = 0; i < n; i++) {
                if (maxDefinitionLevel == 0 || levelBuffer[i] == 1) {
                    int id = idBuffer[next++];
                    if (id < 0 || id >= dictionarySize) {
                        throw new ParquetDecodingException("Dictionary id " + id + " out of range in column "
                                + descriptor + " (dictionary of " + dictionarySize + ")");
                    }
                    BitVectorHelper.setBit(validity, row + i);
                    data.setInt((long) (row + i) * Integer.BYTES, id);
                }
            }
            pageRowsLeft -= n;
            row += n;
        }
    }

    private void nextPage() {
        DataPage page = pages.readPage();
        if (page == null) {
            throw new ParquetDecodingException("Column " + descriptor + " has fewer values than its row group");
        }
        try {
            page.accept(new DataPage.Visitor<Void>() {
                @Override
                public Void visit(DataPageV1 v1) {
                    ByteBuffer bytes = buffer(v1.getBytes());
                    int position = bytes.position();
                    if (maxDefinitionLevel > 0) {
                        if (v1.getDlEncoding() != Encoding.RLE) {
                            throw new ParquetDecodingException("Unsupported definition level encoding "
                                    + v1.getDlEncoding());
                        }
                        int length = bytes.order(ByteOrder.LITTLE_ENDIAN).getInt(position);
                        levels = new RleHybridDecoder(bytes, position + 4, position + 4 + length, 1);
                        position += 4 + length;
                    }
                    ids = idDecoder(v1.getValueEncoding(), bytes, position);
                    return null;
                }

                @Override
                public Void visit(DataPageV2 v2) {
                    if (maxDefinitionLevel > 0) {
                        ByteBuffer levelBytes = buffer(v2.getDefinitionLevels());
                        levels = new RleHybridDecoder(levelBytes, levelBytes.position(), levelBytes.limit(), 1);
                    }
                    ids = idDecoder(v2.getDataEncoding(), buffer(v2.getData()), -1);
                    return null;
                }
            });
        } catch (UncheckedIOException e) {
            throw new ParquetDecodingException("Could not read a page of column " + descriptor, e.getCause());
        }
        pageRowsLeft = page.getValueCount();
    }

    private RleHybridDecoder idDecoder(Encoding encoding, ByteBuffer bytes, int position) {
        if (!encoding.usesDictionary()) {
            throw new ParquetDecodingException("Page of column " + descriptor + " is not dictionary-encoded: "
                    + encoding);
        }
        int start = position < 0 ? bytes.position() : position;
        int bitWidth = bytes.get(start);
        return new RleHybridDecoder(bytes, start + 1, bytes.limit(), bitWidth);
    }

    private static ByteBuffer buffer(BytesInput input) {
        try {
            return input.toByteBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
