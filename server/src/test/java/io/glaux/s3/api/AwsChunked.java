package io.glaux.s3.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Builds aws-chunked bodies as the SDKs send them, for tests. */
final class AwsChunked {

    private AwsChunked() {
    }

    /** {@code data} in chunks of {@code chunkSize}, each with a (dummy) chunk signature, then the trailers. */
    static byte[] encode(byte[] data, int chunkSize, boolean signed, Map<String, String> trailers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String signature = signed ? ";chunk-signature=" + "0".repeat(64) : "";
        for (int offset = 0; offset < data.length; offset += chunkSize) {
            int n = Math.min(chunkSize, data.length - offset);
            out.writeBytes((Integer.toHexString(n) + signature + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(data, offset, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("0" + signature + "\r\n").getBytes(StandardCharsets.US_ASCII));
        trailers.forEach((name, value) -> out.writeBytes((name + ":" + value + "\r\n")
                .getBytes(StandardCharsets.US_ASCII)));
        if (signed && !trailers.isEmpty()) {
            out.writeBytes(("x-amz-trailer-signature:" + "0".repeat(64) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
