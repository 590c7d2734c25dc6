package io.glaux.connectors.lambda.runtime;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The frames the host and a function's process exchange over their loopback socket (never over the process's
 * stdout and stderr, which are the function's log). Each frame is a one-byte type then its fields: strings as
 * {@link DataOutputStream#writeUTF}, byte arrays as a 4-byte length then the bytes.
 *
 * <pre>
 * child → host  HELLO   int MAGIC, utf secret
 * host → child  INIT    utf handler, utf functionName, utf version, int memoryMb, utf logGroup, utf logStream, utf marker
 * child → host  READY | INIT_ERROR bytes errorJson
 * host → child  INVOKE  utf requestId, utf invokedArn, long deadlineEpochMillis, bytes payload
 * child → host  RESULT  bytes payload, int maxMemoryUsedMb | ERROR bytes errorJson, int maxMemoryUsedMb
 * </pre>
 *
 * The host ends a process by closing the socket; the process exits when it reads the end of the stream. Only the
 * JDK is used here: these classes run inside the function's JVM, beside the function's own libraries.
 */
public final class Wire {

    public static final int MAGIC = 0x474c5831;
    public static final byte INIT = 'I';
    public static final byte READY = 'R';
    public static final byte INIT_ERROR = 'E';
    public static final byte INVOKE = 'V';
    public static final byte RESULT = 'O';
    public static final byte ERROR = 'F';

    /** The largest byte array a frame may carry (a bound against a corrupt length, far above any payload). */
    public static final int MAX_BYTES = 1 << 30;

    private Wire() {
    }

    public static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_BYTES) {
            throw new IOException("Bad frame length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}
