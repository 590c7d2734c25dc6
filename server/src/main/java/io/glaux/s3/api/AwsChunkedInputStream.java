package io.glaux.s3.api;

import io.glaux.aws.auth.ChunkSignatureChain;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes a body sent with {@code Content-Encoding: aws-chunked}: chunks of {@code <hex size>[;chunk-signature=...]}
 * CRLF, data, CRLF, up to a chunk of size 0, then trailing headers ({@code x-amz-checksum-crc32:...}) and an empty
 * line. A body whose framing breaks or that ends early is S3's IncompleteBody. Given the chain of a request whose
 * signature was verified ({@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]}), each chunk's signature is checked
 * once its data was read, before the read that completes it returns, and the trailer's signature once the trailers
 * were read: a chunk that fails is SignatureDoesNotMatch, and since the body's consumer only commits what it read to
 * the end, nothing of it is stored.
 */
final class AwsChunkedInputStream extends InputStream {

    private static final int MAX_LINE = 4096;
    private static final String TRAILER_SIGNATURE = "x-amz-trailer-signature";

    private final InputStream in;
    private final Map<String, String> trailers = new LinkedHashMap<>();
    private final ChunkSignatureChain chain;
    private final boolean signedTrailer;
    private final MessageDigest chunkDigest;
    private String chunkSignature;
    private long remainingInChunk;
    private boolean finished;

    /** A decoder that does not check chunk signatures (an unsigned or unverified body). */
    AwsChunkedInputStream(InputStream in) {
        this(in, null);
    }

    /** A decoder checking each chunk's signature against {@code seed}'s chain (none when null). */
    AwsChunkedInputStream(InputStream in, ChunkSignatureChain.Seed seed) {
        this.in = new BufferedInputStream(in, 64 * 1024);
        this.chain = seed == null ? null : new ChunkSignatureChain(seed);
        this.signedTrailer = seed != null && seed.trailer();
        this.chunkDigest = seed == null ? null : sha256();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256", e);
        }
    }

    /** The trailing headers (names in lower case), complete once the stream returned -1. */
    Map<String, String> trailers() {
        return Collections.unmodifiableMap(trailers);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (remainingInChunk == 0) {
            if (finished) {
                return -1;
            }
            nextChunk();
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remainingInChunk));
        if (n < 0) {
            throw truncated();
        }
        remainingInChunk -= n;
        if (chain != null) {
            chunkDigest.update(buffer, offset, n);
        }
        if (remainingInChunk == 0) {
            checkChunkSignature();
            expectLineEnd();
        }
        return n;
    }

    private void nextChunk() throws IOException {
        String header = readLine();
        if (header == null) {
            throw truncated();
        }
        int semicolon = header.indexOf(';');
        String size = (semicolon < 0 ? header : header.substring(0, semicolon)).trim();
        long chunk;
        try {
            chunk = Long.parseLong(size, 16);
        } catch (NumberFormatException e) {
            throw malformed("the chunk header '" + shorten(header) + "' does not start with a hexadecimal size");
        }
        if (chunk < 0) {
            throw malformed("negative chunk size");
        }
        chunkSignature = semicolon < 0 ? null : extension(header.substring(semicolon + 1), "chunk-signature");
        if (chunk == 0) {
            finished = true;
            checkChunkSignature();
            readTrailers();
            checkTrailerSignature();
        } else {
            remainingInChunk = chunk;
        }
    }

    private void readTrailers() throws IOException {
        for (String line = readLine(); line != null && !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw malformed("the trailing header '" + shorten(line) + "' has no name");
            }
            trailers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
    }

    /** The value of {@code name=value} among a chunk header's {@code ;}-separated extensions, or null. */
    private static String extension(String extensions, String name) {
        for (String extension : extensions.split(";")) {
            int equals = extension.indexOf('=');
            if (equals > 0 && extension.substring(0, equals).trim().equals(name)) {
                return extension.substring(equals + 1).trim();
            }
        }
        return null;
    }

    /** Checks the chunk just read (its data digested) against its signature, when the body is signed. */
    private void checkChunkSignature() {
        if (chain != null && !chain.nextChunk(chunkDigest.digest(), chunkSignature)) {
            throw S3Errors.signatureDoesNotMatch();
        }
    }

    /** Checks the trailing headers against {@code x-amz-trailer-signature}, when the trailer is signed. */
    private void checkTrailerSignature() {
        if (!signedTrailer) {
            return;
        }
        StringBuilder canonical = new StringBuilder();
        trailers.forEach((name, value) -> {
            if (!name.equals(TRAILER_SIGNATURE)) {
                canonical.append(name).append(':').append(value).append('\n');
            }
        });
        if (!chain.trailer(canonical.toString(), trailers.get(TRAILER_SIGNATURE))) {
            throw S3Errors.signatureDoesNotMatch();
        }
    }

    private void expectLineEnd() throws IOException {
        int cr = in.read();
        int lf = in.read();
        if (cr < 0 || lf < 0) {
            throw truncated();
        }
        if (cr != '\r' || lf != '\n') {
            throw malformed("a chunk's data is longer than its declared size");
        }
    }

    /** A CRLF-terminated line without the CRLF, or null at the end of the stream before any byte. */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return line.size() == 0 && previous < 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (b == '\n' && previous == '\r') {
                return line.toString(StandardCharsets.UTF_8);
            }
            if (previous >= 0) {
                line.write(previous);
            }
            if (line.size() > MAX_LINE) {
                throw malformed("a chunk header or trailing header is longer than " + MAX_LINE + " bytes");
            }
            previous = b;
        }
    }

    private static String shorten(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "..." : text;
    }

    private static S3Exception truncated() {
        return S3Errors.incompleteBody("The aws-chunked request body ended before its final chunk.");
    }

    private static S3Exception malformed(String what) {
        return S3Errors.incompleteBody("The aws-chunked request body is malformed: " + what + ".");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
