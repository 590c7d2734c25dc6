package io.glaux.connectors.lambda.runtime;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The main class of a function's process: connects back to the host on loopback, loads the handler once, then runs
 * one invocation at a time as the host sends them, until the host closes the connection (or dies: a watchdog ends
 * the process when its parent is gone, so no function outlives Glaux).
 *
 * <p>Arguments: the host's port and the secret that proves this process is the one the host started. After each
 * invocation the process flushes its output and writes the host's marker line with the request id to its stdout, so
 * the host knows the invocation's log is complete before it writes Lambda's {@code END} and {@code REPORT} lines.
 */
public final class Bootstrap {

    private Bootstrap() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String secret = args[1];
        watchParent();
        // The raw stdout, whatever the function does with System.out: markers go there.
        PrintStream rawOut = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            out.writeInt(Wire.MAGIC);
            out.writeUTF(secret);
            out.flush();
            serve(in, out, rawOut);
        } catch (EOFException e) {
            // The host closed the connection: the process is done.
        }
        System.out.flush();
        System.err.flush();
        System.exit(0);
    }

    private static void serve(DataInputStream in, DataOutputStream out, PrintStream rawOut) throws IOException {
        if (in.readByte() != Wire.INIT) {
            throw new IOException("Expected INIT");
        }
        String handlerName = in.readUTF();
        String functionName = in.readUTF();
        String version = in.readUTF();
        int memoryMb = in.readInt();
        String logGroup = in.readUTF();
        String logStream = in.readUTF();
        String marker = in.readUTF();
        ClassLoader loader = ClassLoader.getSystemClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        HandlerMethod handler;
        try {
            handler = HandlerMethod.load(handlerName, loader);
        } catch (Throwable error) {
            Throwable reported = error instanceof ExceptionInInitializerError init && init.getCause() != null
                    ? init.getCause() : error;
            logError(reported);
            out.writeByte(Wire.INIT_ERROR);
            Wire.writeBytes(out, ErrorPayload.of(reported));
            out.flush();
            return;
        }
        out.writeByte(Wire.READY);
        out.flush();
        while (true) {
            byte type = in.readByte();
            if (type != Wire.INVOKE) {
                throw new IOException("Expected INVOKE, got " + type);
            }
            String requestId = in.readUTF();
            String invokedArn = in.readUTF();
            long deadline = in.readLong();
            byte[] payload = Wire.readBytes(in);
            ContextProxy.Values values = new ContextProxy.Values(requestId, functionName, version, invokedArn,
                    memoryMb, logGroup, logStream, deadline);
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            Throwable failure = null;
            try {
                Object context = ContextProxy.create(handler.contextType(), loader, values, System.out);
                handler.invoke(new ByteArrayInputStream(payload), response, context);
            } catch (Throwable error) {
                failure = error;
                logError(error);
            }
            System.out.flush();
            System.err.flush();
            rawOut.print(marker + requestId + "\n");
            rawOut.flush();
            out.writeByte(failure == null ? Wire.RESULT : Wire.ERROR);
            Wire.writeBytes(out, failure == null ? response.toByteArray() : ErrorPayload.of(failure));
            out.writeInt(maxMemoryUsedMb());
            out.flush();
        }
    }

    /** As Lambda's Java runtime logs an unhandled exception: its message and type, then its stack trace. */
    private static void logError(Throwable error) {
        System.err.println(error.getMessage() + ": " + error.getClass().getName());
        error.printStackTrace();
        System.err.flush();
    }

    /** The process's peak resident memory (VmHWM) where Linux tells it, else the heap in use. */
    private static int maxMemoryUsedMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    String kb = line.substring(6).trim().split("\\s+")[0];
                    return (int) Math.max(1, Long.parseLong(kb) / 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: fall back on the heap.
        }
        Runtime runtime = Runtime.getRuntime();
        return (int) Math.max(1, (runtime.totalMemory() - runtime.freeMemory()) >> 20);
    }

    /** Ends this process as soon as the host that started it is gone. */
    private static void watchParent() {
        ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        if (parent == null) {
            return;
        }
        Thread watchdog = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                if (!parent.isAlive()) {
                    Runtime.getRuntime().halt(1);
                }
            }
        }, "glaux-lambda-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
