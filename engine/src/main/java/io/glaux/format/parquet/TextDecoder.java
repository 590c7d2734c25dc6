package io.glaux.format.parquet;

import io.glaux.catalog.AthenaType;
import io.glaux.format.ColumnLayout;
import io.glaux.format.ColumnVectors;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReadStore;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.EncodingStats;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Decodes BINARY columns read as strings (char, varchar, string) or binary, copying bytes without building Java
 * strings, straight from the chunk's pages where {@link FlatPages} can read them, else through the column reader. A string column whose chunk has a dictionary and no data page the chunk's metadata says is plain is given
 * as ids into that dictionary, decoded once per chunk into a {@link VarCharVector}; should a page turn out not to be
 * dictionary-encoded after all (metadata without page encoding statistics), the batch and the rest of the chunk are
 * given as values. Values match the row path's: well-formed UTF-8 is copied (cut to varchar(n)/char(n) code points,
 * char's trailing spaces dropped), anything else goes through the row path's decoding, which replaces malformed
 * sequences.
 */
final class TextDecoder extends ColumnDecoder {

    private static final int INITIAL_BYTES_PER_VALUE = 16;

    private final FileValueKind kind;
    private final UnaryOperator<Object> coercion;
    /** Binary table column: values in a VarBinaryVector, never ids. */
    private final boolean binary;
    /** Whether values must be well-formed UTF-8 (the table or the file column holds text). */
    private final boolean utf8;
    private final int maxCodePoints;
    private final boolean trimSpaces;
    private final DictionaryCapture converter = new DictionaryCapture();

    private Dictionary fileDictionary;
    /** The current chunk's dictionary while its values are given as ids; else null. */
    private VarCharVector dictionary;
    /** Reads the current chunk's ids from its pages, when they all are dictionary-encoded; else null. */
    private FlatPages idPages;
    /** Reads the current chunk's values from its pages (plain or dictionary-encoded), when given as values; else null. */
    private FlatPages valuePages;
    private int bytesPerValue = INITIAL_BYTES_PER_VALUE;
    /** The plain page whose bytes from where it was first read on were checked for ASCII, and whether they are. */
    private ByteBuffer checkedPage;
    private boolean asciiPage;

    TextDecoder(String name, AthenaType type, FileValueKind kind, UnaryOperator<Object> coercion) {
        super(name, type);
        this.kind = kind;
        this.coercion = coercion;
        this.binary = type.kind() == AthenaType.Kind.BINARY;
        this.utf8 = !binary || kind == FileValueKind.STRING;
        this.maxCodePoints = switch (type.kind()) {
            case VARCHAR -> ((AthenaType.Varchar) type).length();
            case CHAR -> ((AthenaType.Char) type).length();
            default -> Integer.MAX_VALUE;
        };
        this.trimSpaces = type.kind() == AthenaType.Kind.CHAR;
    }

    /** Receives the chunk's dictionary when its column reader is built. */
    private static final class DictionaryCapture extends PrimitiveConverter {
        private Dictionary dictionary;

        @Override
        public boolean hasDictionarySupport() {
            return true;
        }

        @Override
        public void setDictionary(Dictionary dictionary) {
            this.dictionary = dictionary;
        }

        Dictionary take() {
            Dictionary taken = dictionary;
            dictionary = null;
            return taken;
        }
    }

    @Override
    PrimitiveConverter converter() {
        return converter;
    }

    @Override
    VarCharVector startChunk(ColumnReadStore store, PageReadStore pages, ColumnDescriptor descriptor,
                             ColumnChunkMetaData chunk, BufferAllocator allocator) {
        dictionary = null;
        idPages = null;
        valuePages = null;
        if (descriptor.getPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.BINARY
                && FlatPages.supports(pages, descriptor, chunk)) {
            PageReader pageReader = pages.getPageReader(descriptor);
            DictionaryPage dictionaryPage = pageReader.readDictionaryPage();
            try {
                fileDictionary = dictionaryPage == null ? null
                        : dictionaryPage.getEncoding().initDictionary(descriptor, dictionaryPage);
            } catch (IOException e) {
                throw new ParquetDecodingException("Could not decode the dictionary of " + descriptor, e);
            }
            reader = null;
            maxDefinitionLevel = descriptor.getMaxDefinitionLevel();
            FlatPages flat = new FlatPages(pageReader, descriptor);
            if (!binary && fileDictionary != null && onlyDictionaryPages(chunk)) {
                idPages = flat;
                return decodeDictionary(allocator);
            }
            valuePages = flat;
            return null;
        }
        super.startChunk(store, pages, descriptor, chunk, allocator);
        fileDictionary = converter.take();
        if (binary || fileDictionary == null || hasPlainDataPages(chunk)) {
            return null;
        }
        return decodeDictionary(allocator);
    }

    private VarCharVector decodeDictionary(BufferAllocator allocator) {
        int size = fileDictionary.getMaxId() + 1;
        VarCharVector decoded = new VarCharVector(name, allocator);
        try {
            decoded.allocateNew((long) size * INITIAL_BYTES_PER_VALUE, size);
            for (int id = 0; id < size; id++) {
                set(decoded, id, fileDictionary.decodeToBinary(id));
            }
            decoded.setValueCount(size);
        } catch (RuntimeException e) {
            decoded.close();
            throw e;
        }
        dictionary = decoded;
        return decoded;
    }

    /**
     * Whether the chunk's metadata shows every data page dictionary-encoded: by its
     * page encoding statistics, or without them (DuckDB writes none) by its encodings holding nothing else than
     * dictionary and RLE encodings (a dictionary page alone is listed as PLAIN by some writers, so a list with PLAIN
     * tells nothing).
     */
    private static boolean onlyDictionaryPages(ColumnChunkMetaData chunk) {
        Set<Encoding> encodings = chunk.getEncodings();
        EncodingStats stats = chunk.getEncodingStats();
        if (stats != null) {
            return stats.hasDictionaryEncodedPages() && !stats.hasNonDictionaryEncodedPages();
        }
        return encodings.stream().anyMatch(Encoding::usesDictionary)
                && encodings.stream().allMatch(e -> e.usesDictionary() || e == Encoding.RLE);
    }

    /** Whether the chunk's page encoding statistics say some data page is not dictionary-encoded. */
    private static boolean hasPlainDataPages(ColumnChunkMetaData chunk) {
        EncodingStats stats = chunk.getEncodingStats();
        return stats != null && stats.hasNonDictionaryEncodedPages();
    }

    @Override
    Decoded decode(int rows, BufferAllocator allocator) {
        if (dictionary == null) {
            BaseVariableWidthVector values = newValues(rows, allocator);
            return new Decoded(valuePages != null ? decodeValuePages(values, rows) : decodeValues(values, 0, rows),
                    null);
        }
        IntVector ids = (IntVector) (idPages != null
                ? newVectorToFill(ColumnLayout.DICTIONARY_INDEX_TYPE, rows, allocator)
                : newVector(ColumnLayout.DICTIONARY_INDEX_TYPE, rows, allocator));
        if (idPages != null) {
            try {
                readIdPages(rows, ids.getValidityBuffer(), ids.getDataBuffer());
            } catch (RuntimeException e) {
                ids.close();
                throw e;
            }
            ids.setValueCount(rows);
            return new Decoded(ids, dictionary);
        }
        int decoded;
        try {
            decoded = decodeIds(ids, rows);
        } catch (RuntimeException e) {
            ids.close();
            throw e;
        }
        if (decoded == rows) {
            ids.setValueCount(rows);
            return new Decoded(ids, dictionary);
        }
        try (ids) {
            BaseVariableWidthVector values = newValues(rows, allocator);
            for (int row = 0; row < decoded; row++) {
                if (!ids.isNull(row)) {
                    values.setSafe(row, dictionary.get(ids.get(row)));
                }
            }
            dictionary = null;
            return new Decoded(decodeValues(values, decoded, rows), null);
        }
    }

    /** Reads {@code rows} ids from the chunk's pages, writing every row's slot (a NULL's as zero). */
    private void readIdPages(int rows, ArrowBuf validity, ArrowBuf data) {
        int dictionarySize = fileDictionary.getMaxId() + 1;
        data.checkBytes(0, (long) rows * Integer.BYTES);
        long address = data.memoryAddress();
        int row = 0;
        while (row < rows) {
            int n = Math.min(rows - row, idPages.rowsLeftInPage());
            int[] levels = levelBuffer(n);
            int present = idPages.levels(n, levels);
            if (!idPages.dictionaryEncoded()) {
                throw new ParquetDecodingException("A page of column " + name + " is not dictionary-encoded");
            }
            int[] ids = idPages.ids(present, dictionarySize);
            long at = address + ((long) row << 2);
            if (present == n) {
                setValid(validity, row, n);
                for (int i = 0; i < n; i++) {
                    MemoryUtil.putInt(at + ((long) i << 2), ids[i]);
                }
            } else {
                int next = 0;
                for (int i = 0; i < n; i++) {
                    if (levels[i] != 0) {
                        BitVectorHelper.setBit(validity, row + i);
                        MemoryUtil.putInt(at + ((long) i << 2), ids[next++]);
                    } else {
                        MemoryUtil.putInt(at + ((long) i << 2), 0);
                    }
                }
            }
            row += n;
        }
    }

    /** Decodes ids up to the first value not read from the dictionary; returns the number of rows decoded. */
    private int decodeIds(IntVector ids, int rows) {
        ArrowBuf validity = ids.getValidityBuffer();
        ArrowBuf data = ids.getDataBuffer();
        for (int row = 0; row < rows; row++) {
            if (present()) {
                int id;
                try {
                    id = reader.getCurrentValueDictionaryID();
                } catch (UnsupportedOperationException notDictionaryEncoded) {
                    return row;
                }
                BitVectorHelper.setBit(validity, row);
                data.setInt((long) row * Integer.BYTES, id);
            }
            reader.consume();
        }
        return rows;
    }

    private BaseVariableWidthVector newValues(int rows, BufferAllocator allocator) {
        ArrowType arrowType = binary ? ArrowType.Binary.INSTANCE : ArrowType.Utf8.INSTANCE;
        BaseVariableWidthVector vector = (BaseVariableWidthVector) new Field(name, FieldType.nullable(arrowType), null)
                .createVector(allocator);
        vector.allocateNew((long) rows * bytesPerValue, rows);
        return vector;
    }

    private BaseVariableWidthVector decodeValues(BaseVariableWidthVector vector, int from, int rows) {
        try {
            for (int row = from; row < rows; row++) {
                if (present()) {
                    set(vector, row, reader.getBinary());
                }
                reader.consume();
            }
        } catch (RuntimeException e) {
            vector.close();
            throw e;
        }
        return finish(vector, rows);
    }

    private BaseVariableWidthVector decodeValuePages(BaseVariableWidthVector vector, int rows) {
        try {
            int row = 0;
            while (row < rows) {
                int n = Math.min(rows - row, valuePages.rowsLeftInPage());
                int[] levels = levelBuffer(n);
                int present = valuePages.levels(n, levels);
                if (valuePages.dictionaryEncoded()) {
                    int[] ids = valuePages.ids(present, fileDictionary == null ? 0 : fileDictionary.getMaxId() + 1);
                    int next = 0;
                    for (int i = 0; i < n; i++) {
                        if (levels[i] != 0) {
                            set(vector, row + i, fileDictionary.decodeToBinary(ids[next++]));
                        }
                    }
                } else if (valuePages.values().hasArray()) {
                    copyPlainValues(vector, row, n, levels, present, valuePages.values());
                } else {
                    ByteBuffer values = valuePages.values();
                    boolean ascii = utf8 && isAscii(values);
                    for (int i = 0; i < n; i++) {
                        if (levels[i] != 0) {
                            int length = values.getInt();
                            int start = values.position();
                            if (length < 0 || length > values.remaining()) {
                                throw new ParquetDecodingException("Bad value length " + length + " in column "
                                        + name);
                            }
                            set(vector, row + i, values, start, start + length, ascii);
                            values.position(start + length);
                        }
                    }
                }
                row += n;
            }
        } catch (RuntimeException e) {
            vector.close();
            throw e;
        }
        return finish(vector, rows);
    }

    /**
     * Copies the {@code present} values of a plain page held in an array, for rows {@code row...row + n} ({@code
     * levels} says which hold one), straight into the vector's buffers. Bytes go eight at a time (a value's last
     * ones as one word too, on a little-endian machine, while the page's bytes go on past it), and the copy sees
     * on the way whether a value is all ASCII; only a value that is not is checked as UTF-8 (and, when malformed,
     * converted as the row path does) and cut by code points rather than bytes. Rows before {@code row} that no
     * value was set for (NULLs at the end of a dictionary-encoded page) are filled in first; the vector's last set
     * row is then the page's last.
     */
    private void copyPlainValues(BaseVariableWidthVector vector, int row, int n, int[] levels, int present,
                                 ByteBuffer values) {
        byte[] array = values.array();
        int base = values.arrayOffset();
        int at = values.position();
        int limit = values.limit();
        // NULLs after the last value set give their offsets.
        vector.fillEmpties(row);
        int offset = vector.getOffsetBuffer().getInt((long) row * BaseVariableWidthVector.OFFSET_WIDTH);
        boolean wholeWords = MemoryUtil.LITTLE_ENDIAN;
        int end = base + limit;
        ArrowBuf validityBuffer = vector.getValidityBuffer();
        long offsets = vector.getOffsetBuffer().memoryAddress();
        long data = vector.getDataBuffer().memoryAddress();
        // The data buffer grows only when a value would not fit (with a last word copied whole, a word more): sized
        // for the rest of the page instead, a batch that ends within a page took a copy of all its values.
        long capacity = vector.getDataBuffer().capacity();
        if (present == n) {
            setValid(validityBuffer, row, n);
        }
        for (int i = 0; i < n; i++) {
            if (levels[i] != 0) {
                if (limit - at < Integer.BYTES) {
                    throw new ParquetDecodingException("A value of column " + name + " runs past its page");
                }
                int length = values.getInt(at);
                int start = at + Integer.BYTES;
                if (length < 0 || length > limit - start) {
                    throw new ParquetDecodingException("Bad value length " + length + " in column " + name);
                }
                if (offset + (long) length + Long.BYTES > capacity) {
                    ColumnVectors.reserveData(vector, offset + (long) length + Long.BYTES);
                    data = vector.getDataBuffer().memoryAddress();
                    capacity = vector.getDataBuffer().capacity();
                }
                long target = data + offset;
                int from = base + start;
                long seen = 0;
                int k = 0;
                for (; length - k >= Long.BYTES; k += Long.BYTES) {
                    long word = MemoryUtil.getLong(array, from + k);
                    seen |= word;
                    MemoryUtil.putLong(target + k, word);
                }
                int rest = length - k;
                if (rest > 0 && wholeWords && from + k + Long.BYTES <= end) {
                    // The last bytes as one word: those past the value are left beyond its end, where the next
                    // value's bytes or nothing is read, and not seen.
                    long word = MemoryUtil.getLong(array, from + k);
                    seen |= word & (-1L >>> ((Long.BYTES - rest) << 3));
                    MemoryUtil.putLong(target + k, word);
                } else {
                    for (; k < length; k++) {
                        byte b = array[from + k];
                        seen |= b;
                        MemoryUtil.putByte(target + k, b);
                    }
                }
                int kept = length;
                boolean converted = false;
                if ((seen & 0x8080808080808080L) == 0) {
                    // A byte a code point.
                    kept = Math.min(length, maxCodePoints);
                } else if (utf8 && !Utf8Bytes.isWellFormed(values, start, start + length)) {
                    byte[] rowValue = rowPathBytes(Binary.fromConstantByteBuffer(values, start, length));
                    ColumnVectors.reserveData(vector, (long) offset + rowValue.length + Long.BYTES);
                    data = vector.getDataBuffer().memoryAddress();
                    capacity = vector.getDataBuffer().capacity();
                    MemoryUtil.copyToMemory(rowValue, 0, data + offset, rowValue.length);
                    kept = rowValue.length;
                    converted = true;
                } else if (utf8 && maxCodePoints != Integer.MAX_VALUE) {
                    kept = Utf8Bytes.prefixEnd(values, start, start + length, maxCodePoints) - start;
                }
                if (trimSpaces && !converted) {
                    while (kept > 0 && MemoryUtil.getByte(data + offset + kept - 1) == ' ') {
                        kept--;
                    }
                }
                offset += kept;
                if (present != n) {
                    BitVectorHelper.setBit(validityBuffer, row + i);
                }
                at = start + length;
            }
            MemoryUtil.putInt(offsets + ((long) (row + i + 1) << 2), offset);
        }
        values.position(at);
        vector.setLastSet(row + n - 1);
    }

    private BaseVariableWidthVector finish(BaseVariableWidthVector vector, int rows) {
        vector.setValueCount(rows);
        if (rows > 0) {
            bytesPerValue = Math.max(1, (int) Math.min(1 << 16, (long) vector.getEndOffset(rows - 1) / rows + 1));
        }
        return vector;
    }

    private void set(BaseVariableWidthVector vector, int row, Binary value) {
        ByteBuffer bytes = value.toByteBuffer();
        set(vector, row, bytes, bytes.position(), bytes.limit(), false);
    }

    /**
     * Whether the rest of a plain page, from where it was when first seen, is ASCII: checked once per page, its
     * length prefixes too (a value of 128 bytes or more then has the values checked one by one).
     */
    private boolean isAscii(ByteBuffer page) {
        if (page != checkedPage) {
            checkedPage = page;
            asciiPage = Utf8Bytes.isAscii(page, page.position(), page.limit());
        }
        return asciiPage;
    }

    /** Sets the value held in {@code bytes[start, end)}; {@code ascii} when it is known to be ASCII. */
    private void set(BaseVariableWidthVector vector, int row, ByteBuffer bytes, int start, int end, boolean ascii) {
        if (utf8 && !ascii && !Utf8Bytes.isWellFormed(bytes, start, end)) {
            byte[] converted = rowPathBytes(Binary.fromConstantByteBuffer(bytes, start, end - start));
            vector.setSafe(row, converted, 0, converted.length);
            return;
        }
        if (maxCodePoints != Integer.MAX_VALUE) {
            end = Utf8Bytes.prefixEnd(bytes, start, end, maxCodePoints);
            if (trimSpaces) {
                end = Utf8Bytes.trimTrailingSpaces(bytes, start, end);
            }
        }
        vector.setSafe(row, bytes, start, end - start);
    }

    /** The row path's value (malformed UTF-8 replaced as its decoding does), as the vector holds it. */
    private byte[] rowPathBytes(Binary value) {
        Object decoded = kind == FileValueKind.STRING ? value.toStringUsingUTF8() : new ByteString(value.getBytes());
        Object converted = coercion.apply(decoded);
        return converted instanceof String text ? text.getBytes(StandardCharsets.UTF_8)
                : ((ByteString) converted).getBytes();
    }
}
