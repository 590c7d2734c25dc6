package io.glaux.s3.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A request body and the integrity promises its headers make, checked while it streams: {@code x-amz-content-sha256}
 * (the body's SHA-256, or {@code UNSIGNED-PAYLOAD}, or a {@code STREAMING-*} value with {@code aws-chunked} framing,
 * which is decoded here), {@code Content-MD5}, and one additional checksum ({@code x-amz-checksum-<algorithm>} as a
 * header, or as a trailer announced by {@code x-amz-trailer}). The headers are checked by {@link #of}; the body by
 * {@link #verify} once it was read to its end, before anything is published, so a mismatch stores nothing.
 */
final class RequestPayload {

    static final String UNSIGNED = "UNSIGNED-PAYLOAD";
    private static final Set<String> STREAMING = Set.of("STREAMING-UNSIGNED-PAYLOAD-TRAILER",
            "STREAMING-AWS4-HMAC-SHA256-PAYLOAD", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER",
            "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD", "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER");
    private static final Set<String> NOT_CHECKSUMS = Set.of("x-amz-checksum-mode", "x-amz-checksum-type",
            "x-amz-checksum-algorithm");

    private final S3Request request;
    private final String contentSha256;
    private final boolean chunked;
    private final long length;
    private final byte[] contentMd5;
    private final ChecksumAlgorithm algorithm;
    private final String checksumHeaderValue;
    private final boolean checksumInTrailer;

    private AwsChunkedInputStream decoder;
    private ChecksummingInputStream digesting;

    private RequestPayload(S3Request request, String contentSha256, boolean chunked, long length, byte[] contentMd5,
            ChecksumAlgorithm algorithm, String checksumHeaderValue, boolean checksumInTrailer) {
        this.request = request;
        this.contentSha256 = contentSha256;
        this.chunked = chunked;
        this.length = length;
        this.contentMd5 = contentMd5;
        this.algorithm = algorithm;
        this.checksumHeaderValue = checksumHeaderValue;
        this.checksumInTrailer = checksumInTrailer;
    }

    /** Checks the request's integrity headers; its {@code x-amz-checksum-*} headers describe the body. */
    static RequestPayload of(S3Request request) {
        return of(request, true);
    }

    /**
     * Checks the request's integrity headers. {@code checksumHeaders} false: the {@code x-amz-checksum-*} headers
     * describe something else (CompleteMultipartUpload's are the whole object's) and are left to the operation.
     */
    static RequestPayload of(S3Request request, boolean checksumHeaders) {
        String sha256 = request.header("x-amz-content-sha256");
        String encoding = request.header("Content-Encoding");
        boolean streaming = sha256 != null && sha256.startsWith("STREAMING-");
        if (streaming && !STREAMING.contains(sha256)
                || sha256 != null && !streaming && !UNSIGNED.equals(sha256) && !sha256.matches("[0-9a-fA-F]{64}")) {
            throw S3Errors.invalidArgument("x-amz-content-sha256 must be UNSIGNED-PAYLOAD, a STREAMING- value or a"
                    + " valid sha256 value.", "x-amz-content-sha256", sha256);
        }
        boolean chunked = streaming || encoding != null && encoding.toLowerCase(Locale.ROOT).contains("aws-chunked");
        long length;
        if (chunked) {
            length = parseLength(request.header("x-amz-decoded-content-length"), "x-amz-decoded-content-length");
        } else {
            length = request.http().getContentLengthLong();
        }
        byte[] md5 = null;
        String md5Header = request.header("Content-MD5");
        if (md5Header != null) {
            try {
                md5 = Base64.getDecoder().decode(md5Header.trim());
            } catch (IllegalArgumentException e) {
                md5 = null;
            }
            if (md5 == null || md5.length != 16) {
                throw S3Errors.invalidDigest(md5Header);
            }
        }
        ChecksumAlgorithm headerAlgorithm = null;
        String headerValue = null;
        for (String name : java.util.Collections.list(request.http().getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!checksumHeaders || !lower.startsWith("x-amz-checksum-") || NOT_CHECKSUMS.contains(lower)) {
                continue;
            }
            ChecksumAlgorithm named = ChecksumAlgorithm.named(lower.substring("x-amz-checksum-".length()));
            if (named == null) {
                throw unsupportedAlgorithm();
            }
            if (headerAlgorithm != null) {
                throw S3Errors.invalidRequest("Expecting a single x-amz-checksum- header. Multiple checksum Types are"
                        + " not allowed.");
            }
            headerAlgorithm = named;
            headerValue = request.header(name).trim();
            if (!named.isWellFormed(headerValue)) {
                throw S3Errors.invalidRequest("Value for " + named.header() + " header is invalid.");
            }
        }
        ChecksumAlgorithm trailerAlgorithm = null;
        String trailer = request.header("x-amz-trailer");
        if (trailer != null && !trailer.isBlank()) {
            String lower = trailer.trim().toLowerCase(Locale.ROOT);
            trailerAlgorithm = lower.startsWith("x-amz-checksum-")
                    ? ChecksumAlgorithm.named(lower.substring("x-amz-checksum-".length())) : null;
            if (trailerAlgorithm == null) {
                throw S3Errors.invalidRequest("The value specified in the x-amz-trailer header is not supported");
            }
            if (!chunked) {
                throw S3Errors.invalidRequest("x-amz-trailer is only allowed with aws-chunked content encoding");
            }
            if (headerAlgorithm != null) {
                throw S3Errors.invalidRequest("Expecting a single x-amz-checksum- header. Multiple checksum Types are"
                        + " not allowed.");
            }
        }
        ChecksumAlgorithm algorithm = headerAlgorithm != null ? headerAlgorithm : trailerAlgorithm;
        String sdkAlgorithm = request.header("x-amz-sdk-checksum-algorithm");
        if (sdkAlgorithm != null && checksumHeaders) {
            ChecksumAlgorithm named = ChecksumAlgorithm.named(sdkAlgorithm);
            if (named == null) {
                throw unsupportedAlgorithm();
            }
            if (algorithm == null) {
                throw S3Errors.invalidRequest("x-amz-sdk-checksum-algorithm specified, but no corresponding"
                        + " x-amz-checksum-* or x-amz-trailer headers were found.");
            }
            if (named != algorithm) {
                throw S3Errors.invalidRequest("Value for x-amz-sdk-checksum-algorithm header is invalid.");
            }
        }
        return new RequestPayload(request, sha256, chunked, length, md5, algorithm, headerValue,
                trailerAlgorithm != null);
    }

    /** The length of the (decoded) body, or -1 when the client did not say. */
    long length() {
        return length;
    }

    /** The additional checksum the client declared, or null. */
    ChecksumAlgorithm algorithm() {
        return algorithm;
    }

    /** The checksum value the client sent as a header, or null (none, or in a trailer). */
    String declaredChecksum() {
        return checksumHeaderValue;
    }

    /** Whether the checksum's value only arrives after the body (a trailer). */
    boolean checksumInTrailer() {
        return checksumInTrailer;
    }

    /** The decoded body, digested as it is read. Failures to read from the client are IncompleteBody. */
    InputStream open() throws IOException {
        InputStream in = new ClientStream(request.body());
        if (chunked) {
            decoder = new AwsChunkedInputStream(in, request.authentication() == null ? null
                    : request.authentication().chunks());
            in = decoder;
        }
        digesting = new ChecksummingInputStream(in, algorithm,
                contentSha256 != null && contentSha256.length() == 64);
        return digesting;
    }

    /**
     * Checks the body read to its end against the headers and trailers.
     *
     * @return the body's MD5 and the checksums to keep with the object
     * @throws S3Exception IncompleteBody, XAmzContentSHA256Mismatch, BadDigest or InvalidRequest
     */
    Verified verify() {
        long read = digesting.count();
        if (length >= 0 && read != length) {
            throw S3Errors.incompleteBody("You did not provide the number of bytes specified by the Content-Length"
                    + " HTTP header.");
        }
        String expectedChecksum = checksumHeaderValue;
        if (checksumInTrailer) {
            expectedChecksum = decoder.trailers().get(algorithm.header());
            if (expectedChecksum == null || !algorithm.isWellFormed(expectedChecksum)) {
                throw S3Errors.invalidRequest("The trailing " + algorithm.header() + " header announced by"
                        + " x-amz-trailer is missing or invalid.");
            }
        }
        String computed256 = digesting.sha256Hex();
        if (computed256 != null) {
            String computed = computed256;
            if (!computed.equalsIgnoreCase(contentSha256)) {
                throw S3Errors.contentSha256Mismatch(contentSha256.toLowerCase(Locale.ROOT), computed);
            }
        }
        byte[] md5 = digesting.md5Bytes();
        if (contentMd5 != null && !MessageDigest.isEqual(md5, contentMd5)) {
            throw S3Errors.badDigest("The Content-MD5 you specified did not match what we received.")
                    .with("ExpectedDigest", HexFormat.of().formatHex(contentMd5))
                    .with("CalculatedDigest", Base64.getEncoder().encodeToString(md5));
        }
        Map<String, String> checksums = Map.of();
        if (algorithm != null) {
            String computed = digesting.checksum();
            if (!computed.equals(expectedChecksum.trim())) {
                throw S3Errors.badDigest("The " + algorithm.name() + " you specified did not match the calculated"
                        + " checksum.");
            }
            checksums = Map.of(algorithm.name(), computed);
        }
        return new Verified(md5, read, checksums);
    }

    /** What a verified body was: its MD5 (hex is the ETag), size and the checksums to keep. */
    record Verified(byte[] md5, long size, Map<String, String> checksums) {
        String md5Hex() {
            return HexFormat.of().formatHex(md5);
        }
    }

    private static long parseLength(String value, String header) {
        if (value == null) {
            throw S3Errors.missingContentLength();
        }
        try {
            long length = Long.parseLong(value.trim());
            if (length >= 0) {
                return length;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw S3Errors.invalidArgument("Invalid " + header + " header", header, value);
    }

    private static S3Exception unsupportedAlgorithm() {
        return S3Errors.invalidRequest("Checksum algorithm provided is unsupported. Please try again with any of the"
                + " valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]");
    }

    /** The client's body: a failure to read it (the client went away, the body ended early) is IncompleteBody. */
    private static final class ClientStream extends FilterInputStream {
        ClientStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (IOException e) {
                throw broken();
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return in.read(buffer, offset, length);
            } catch (IOException e) {
                throw broken();
            }
        }

        private static S3Exception broken() {
            return S3Errors.incompleteBody("You did not provide the number of bytes specified by the Content-Length"
                    + " HTTP header.");
        }
    }
}
