package io.glaux.aws.protocol;

import jakarta.servlet.ServletOutputStream;

import java.io.IOException;

/**
 * The client's connection failed while its request was read or its answer written (the client went away, or the
 * server is stopping): there is nobody left to answer, and it is no failure of the service, so the protocols log it
 * at debug level rather than as an internal error, and do not try to answer again.
 */
final class ConnectionClosed extends IOException {

    ConnectionClosed(IOException cause) {
        super("The client's connection closed: " + cause.getMessage(), cause);
    }

    /** Writes an answer's bytes, a failure of the connection as this exception. */
    static void write(ServletOutputStream out, byte[] bytes) throws ConnectionClosed {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new ConnectionClosed(e);
        }
    }
}
