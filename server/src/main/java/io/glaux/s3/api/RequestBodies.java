package io.glaux.s3.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Small request bodies (XML documents) read whole, with their integrity verified. */
final class RequestBodies {

    /** Enough for DeleteObjects' 1000 keys of 1024 bytes, escaped. */
    static final int MAX_DOCUMENT = 8 * 1024 * 1024;

    private RequestBodies() {
    }

    /** The verified body; over {@link #MAX_DOCUMENT} bytes is MaxMessageLengthExceeded. */
    static byte[] read(S3Request request) throws IOException {
        return read(RequestPayload.of(request));
    }

    static byte[] read(RequestPayload payload) throws IOException {
        if (payload.length() > MAX_DOCUMENT) {
            throw S3Errors.maxMessageLengthExceeded(MAX_DOCUMENT);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (InputStream in = payload.open()) {
            byte[] buffer = new byte[16 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                body.write(buffer, 0, n);
                if (body.size() > MAX_DOCUMENT) {
                    throw S3Errors.maxMessageLengthExceeded(MAX_DOCUMENT);
                }
            }
        }
        payload.verify();
        return body.toByteArray();
    }
}
