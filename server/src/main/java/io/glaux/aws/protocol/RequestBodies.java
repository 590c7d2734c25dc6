package io.glaux.aws.protocol;

import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Request bodies of the JSON protocols, bounded: a body over the limit is the caller's error (413), not a server
 * failure. The rest of a refused body is read (up to a bound) so the client reads the answer on a usable connection
 * instead of a reset while it is still sending.
 */
final class RequestBodies {

    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    private static final long MAX_DRAINED_BYTES = 256L * 1024 * 1024;

    private RequestBodies() {
    }

    /** The body, or a 413 error shaped by {@code tooLarge} when it is longer than the limit. */
    static byte[] read(HttpServletRequest request, ServiceError tooLarge) throws IOException {
        return read(request, MAX_BODY_BYTES, tooLarge);
    }

    /** The body, or {@code tooLarge} when it is longer than {@code limit} bytes. */
    static byte[] read(HttpServletRequest request, long limit, ServiceError tooLarge) throws IOException {
        int max = (int) Math.min(limit, Integer.MAX_VALUE - 16);
        long declared = request.getContentLengthLong();
        InputStream in = request.getInputStream();
        if (declared > max) {
            drain(in);
            throw tooLarge;
        }
        byte[] buffer = new byte[declared > 0 ? (int) declared : Math.min(8192, Math.max(1, max))];
        int length = 0;
        try {
            for (int n = in.read(buffer, length, buffer.length - length); n >= 0;
                    n = in.read(buffer, length, buffer.length - length)) {
                length += n;
                if (length == buffer.length) {
                    if (length >= max) {
                        if (in.read() < 0) {
                            break;
                        }
                        drain(in);
                        throw tooLarge;
                    }
                    buffer = Arrays.copyOf(buffer, (int) Math.min(max, buffer.length * 2L));
                }
            }
        } catch (IOException e) {
            // Reading a request's body fails only with its connection.
            throw new ConnectionClosed(e);
        }
        return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
    }

    private static void drain(InputStream in) {
        try {
            byte[] buffer = new byte[65536];
            long left = MAX_DRAINED_BYTES;
            for (int n = in.read(buffer); n > 0 && left > 0; n = in.read(buffer)) {
                left -= n;
            }
        } catch (IOException | RuntimeException e) {
            // The client went away: nothing more to answer.
        }
    }
}
