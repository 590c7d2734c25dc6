package io.glaux.format.parquet;

import com.github.luben.zstd.Zstd;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Page compression for reading and writing without Hadoop's codec classes: snappy-java, zstd-jni and java.util.zip.
 * GZIP pages are gzip streams (as parquet-mr writes them); Java's gzip header carries no time stamp, so the output is
 * the same on every run.
 */
final class CodecFactory implements CompressionCodecFactory {

    static final CodecFactory INSTANCE = new CodecFactory();

    private static final int ZSTD_LEVEL = 3;

    private CodecFactory() {
    }

    static boolean supports(CompressionCodecName codec) {
        return switch (codec) {
            case UNCOMPRESSED, SNAPPY, GZIP, ZSTD -> true;
            default -> false;
        };
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        requireSupported(codec);
        return new Compressor(codec);
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        requireSupported(codec);
        return new Decompressor(codec);
    }

    @Override
    public void release() {
        // Codecs hold no native or pooled resources between pages.
    }

    private static void requireSupported(CompressionCodecName codec) {
        if (!supports(codec)) {
            throw new UnsupportedOperationException("Unsupported Parquet compression codec " + codec);
        }
    }

    static byte[] compress(CompressionCodecName codec, byte[] input) throws IOException {
        return switch (codec) {
            case UNCOMPRESSED -> input;
            case SNAPPY -> Snappy.compress(input);
            case ZSTD -> Zstd.compress(input, ZSTD_LEVEL);
            case GZIP -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, input.length / 3));
                try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
                    gzip.write(input);
                }
                yield out.toByteArray();
            }
            default -> throw new UnsupportedOperationException("Unsupported Parquet compression codec " + codec);
        };
    }

    static byte[] decompress(CompressionCodecName codec, byte[] input, int uncompressedSize) throws IOException {
        byte[] result = switch (codec) {
            case UNCOMPRESSED -> input;
            case SNAPPY -> Snappy.uncompress(input);
            case ZSTD -> Zstd.decompress(input, uncompressedSize);
            case GZIP -> {
                try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(input), 8192)) {
                    yield gzip.readNBytes(uncompressedSize);
                }
            }
            default -> throw new UnsupportedOperationException("Unsupported Parquet compression codec " + codec);
        };
        if (result.length != uncompressedSize) {
            throw corrupt(codec, uncompressedSize, result.length);
        }
        return result;
    }

    /**
     * The {@code length} compressed bytes of {@code input} from {@code offset}, decompressed, for the codecs that read
     * from a part of an array (snappy and zstd): a page read into a buffer is decompressed from it, not first copied
     * out of it. A page whose bytes decompress to another size than its header's is corrupt.
     */
    static BytesInput decompress(CompressionCodecName codec, byte[] input, int offset, int length,
                                 int uncompressedSize) throws IOException {
        long written;
        byte[] result;
        if (codec == CompressionCodecName.SNAPPY) {
            result = new byte[uncompressedSize];
            written = Snappy.uncompressedLength(input, offset, length);
            if (written == uncompressedSize) {
                written = Snappy.uncompress(input, offset, length, result, 0);
            }
        } else if (codec == CompressionCodecName.ZSTD) {
            // One byte more than the header says, so that a page holding more than that is seen to.
            result = new byte[uncompressedSize + 1];
            written = Zstd.decompressByteArray(result, 0, result.length, input, offset, length);
            if (Zstd.isError(written)) {
                throw new IOException("Corrupt ZSTD page: " + Zstd.getErrorName(written));
            }
        } else {
            throw new IllegalArgumentException(codec + " pages are decompressed from a copy of their bytes");
        }
        if (written != uncompressedSize) {
            throw corrupt(codec, uncompressedSize, written);
        }
        return BytesInput.from(result, 0, uncompressedSize);
    }

    private static IOException corrupt(CompressionCodecName codec, int uncompressedSize, long decompressed) {
        return new IOException("Corrupt " + codec + " page: expected " + uncompressedSize
                + " bytes after decompression, got " + decompressed);
    }

    private record Compressor(CompressionCodecName codec) implements BytesInputCompressor {
        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            if (codec == CompressionCodecName.UNCOMPRESSED) {
                return bytes;
            }
            return BytesInput.from(CodecFactory.compress(codec, bytes.toByteArray()));
        }

        @Override
        public CompressionCodecName getCodecName() {
            return codec;
        }

        @Override
        public void release() {
        }
    }

    private record Decompressor(CompressionCodecName codec) implements BytesInputDecompressor {
        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            if (codec == CompressionCodecName.UNCOMPRESSED) {
                return bytes;
            }
            if (codec == CompressionCodecName.SNAPPY || codec == CompressionCodecName.ZSTD) {
                ByteBuffer compressed = bytes.toByteBuffer();
                if (compressed.hasArray()) {
                    return CodecFactory.decompress(codec, compressed.array(),
                            compressed.arrayOffset() + compressed.position(), compressed.remaining(), uncompressedSize);
                }
            }
            return BytesInput.from(CodecFactory.decompress(codec, bytes.toByteArray(), uncompressedSize));
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            byte[] compressed = new byte[compressedSize];
            input.get(compressed);
            output.put(CodecFactory.decompress(codec, compressed, uncompressedSize));
        }

        @Override
        public void release() {
        }
    }
}
