package io.glaux.connectors.lambda;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The log lines of one invocation (what {@code LogType: Tail} returns the end of), written to the function's log as
 * they come. The function's process marks the end of its output for a request with a marker line, so the host can
 * wait for every line to arrive before it writes END and REPORT.
 */
final class InvocationLog {

    /** What {@code X-Amz-Log-Result} carries: the last 4 KB of the invocation's log. */
    static final int TAIL_BYTES = 4096;

    private final FunctionLog functionLog;
    private final StringBuilder text = new StringBuilder();
    private String markedRequest;

    InvocationLog(FunctionLog functionLog) {
        this.functionLog = functionLog;
    }

    void line(String line) {
        synchronized (this) {
            text.append(line).append('\n');
        }
        functionLog.append(line);
    }

    synchronized void marked(String requestId) {
        markedRequest = requestId;
        notifyAll();
    }

    /** Waits until the process marked the end of {@code requestId}'s output, or {@code millis} passed. */
    synchronized void awaitMarker(String requestId, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (!requestId.equals(markedRequest)) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return;
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    synchronized String text() {
        return text.toString();
    }

    /** The last 4 KB of the log, as Lambda's Tail gives it. */
    synchronized String tail() {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= TAIL_BYTES) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        int from = bytes.length - TAIL_BYTES;
        // Start on a character, not inside one.
        while (from < bytes.length && (bytes[from] & 0xC0) == 0x80) {
            from++;
        }
        return new String(Arrays.copyOfRange(bytes, from, bytes.length), StandardCharsets.UTF_8);
    }
}
