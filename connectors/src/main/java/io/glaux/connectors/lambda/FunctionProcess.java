package io.glaux.connectors.lambda;

import io.glaux.connectors.lambda.runtime.Wire;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * One execution environment: a JVM running the function's handler, one invocation at a time. Requests and answers go
 * over a loopback socket in {@link Wire}'s frames; the process's stdout and stderr (one pipe) are the function's log,
 * read line by line into the log of the invocation under way. A process that runs past its deadline is killed; one
 * that exits is reported with its exit status. Either way it is never used again.
 */
final class FunctionProcess {

    /** How an invocation ended in the process. */
    enum Ending { RESULT, ERROR, TIMEOUT, EXITED }

    /** What an invocation gave: the payload (the handler's, or its error's JSON), memory used, exit status. */
    record Outcome(Ending ending, byte[] payload, int maxMemoryUsedMb, int exitStatus) {
    }

    /** The process could not start or its handler could not be loaded: Lambda's init error, as a function error. */
    static final class InitFailure extends Exception {
        private final String errorType;
        private final byte[] payload;

        InitFailure(String errorType, byte[] payload) {
            super(errorType);
            this.errorType = errorType;
            this.payload = payload;
        }

        String errorType() {
            return errorType;
        }

        byte[] payload() {
            return payload;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long the host waits for the last log lines of an invocation once its answer is in. */
    private static final long LOG_WAIT_MILLIS = 2000;

    private final Process process;
    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final Thread reader;
    private long initMillis;
    private volatile InvocationLog current;
    private volatile long lastUsed = System.nanoTime();

    private FunctionProcess(Process process, Socket socket, Thread reader, InvocationLog current) throws IOException {
        this.process = process;
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
        this.reader = reader;
        this.current = current;
    }

    /**
     * Starts a process for {@code deployment} and loads its handler; its start-up output goes to {@code log}, and
     * whatever it prints between invocations to {@code functionLog}.
     *
     * @throws InitFailure when the process does not start in {@code initLimitMillis}, exits, or cannot load the
     *                     handler (the payload is Lambda's error JSON)
     */
    static FunctionProcess start(Deployment deployment, ProcessLauncher launcher, FunctionLog functionLog,
                                 InvocationLog log, long initLimitMillis) throws InitFailure, IOException {
        long started = System.nanoTime();
        long deadline = System.currentTimeMillis() + initLimitMillis;
        byte[] secretBytes = new byte[16];
        RANDOM.nextBytes(secretBytes);
        String secret = HexFormat.of().formatHex(secretBytes);
        String marker = "\u001eglaux-end-" + secret + " ";
        String logStream = ProcessLauncher.newLogStream();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Process process = launcher.builder(deployment, logStream, server.getLocalPort(), secret).start();
            process.getOutputStream().close();
            OutputReader output = new OutputReader(process.getInputStream(), marker, functionLog, log);
            Thread reader = new Thread(output, "lambda-log-" + deployment.name() + "-" + process.pid());
            reader.setDaemon(true);
            reader.start();
            Socket socket = null;
            try {
                socket = accept(server, secret, deadline, process);
                socket.setTcpNoDelay(true);
                FunctionProcess fresh = new FunctionProcess(process, socket, reader, log);
                output.owner = fresh;
                fresh.init(deployment, logStream, marker, deadline);
                fresh.initMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                return fresh;
            } catch (InitFailure | IOException | RuntimeException e) {
                kill(process);
                closeQuietly(socket);
                joinQuietly(reader);
                throw e;
            }
        }
    }

    private static Socket accept(ServerSocket server, String secret, long deadline, Process process)
            throws IOException, InitFailure {
        while (true) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw initTimeout();
            }
            server.setSoTimeout((int) Math.min(left, 250));
            Socket socket;
            try {
                socket = server.accept();
            } catch (SocketTimeoutException e) {
                if (!process.isAlive()) {
                    throw exitedDuringInit(process);
                }
                continue;
            }
            socket.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
            try {
                DataInputStream hello = new DataInputStream(socket.getInputStream());
                if (hello.readInt() == Wire.MAGIC && hello.readUTF().equals(secret)) {
                    return socket;
                }
            } catch (IOException e) {
                // Not our process: keep waiting for it.
            }
            socket.close();
        }
    }

    private void init(Deployment deployment, String logStream, String marker, long deadline)
            throws IOException, InitFailure {
        FunctionSettings settings = deployment.settings();
        out.writeByte(Wire.INIT);
        out.writeUTF(settings.handler());
        out.writeUTF(deployment.name());
        out.writeUTF("$LATEST");
        out.writeInt(settings.memorySize());
        out.writeUTF(settings.logGroup());
        out.writeUTF(logStream);
        out.writeUTF(marker);
        out.flush();
        byte answer;
        try {
            socket.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
            answer = in.readByte();
        } catch (SocketTimeoutException e) {
            throw initTimeout();
        } catch (IOException e) {
            waitForExit(process);
            throw exitedDuringInit(process);
        }
        if (answer == Wire.INIT_ERROR) {
            byte[] error = Wire.readBytes(in);
            throw new InitFailure(errorType(error), error);
        }
        if (answer != Wire.READY) {
            throw new IOException("Unexpected answer " + answer + " from the function's process");
        }
    }

    long pid() {
        return process.pid();
    }

    /** How long the process took to start and load the handler (Lambda's Init Duration). */
    long initMillis() {
        return initMillis;
    }

    /** Nanosecond time of its last invocation's end. */
    long lastUsed() {
        return lastUsed;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Runs one invocation, its output to {@code log}; past {@code timeoutMillis} the process is killed. */
    Outcome invoke(String requestId, String invokedArn, byte[] payload, long timeoutMillis, InvocationLog log) {
        current = log;
        long deadline = System.currentTimeMillis() + timeoutMillis;
        try {
            out.writeByte(Wire.INVOKE);
            out.writeUTF(requestId);
            out.writeUTF(invokedArn);
            out.writeLong(deadline);
            Wire.writeBytes(out, payload);
            out.flush();
            socket.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
            byte answer = in.readByte();
            socket.setSoTimeout((int) Math.max(1000, deadline - System.currentTimeMillis()));
            byte[] body = Wire.readBytes(in);
            int memory = in.readInt();
            log.awaitMarker(requestId, LOG_WAIT_MILLIS);
            lastUsed = System.nanoTime();
            return new Outcome(answer == Wire.RESULT ? Ending.RESULT : Ending.ERROR, body, memory, 0);
        } catch (SocketTimeoutException e) {
            kill(process);
            joinQuietly(reader);
            return new Outcome(Ending.TIMEOUT, new byte[0], 0, -1);
        } catch (IOException e) {
            int status = waitForExit(process);
            joinQuietly(reader);
            return new Outcome(Ending.EXITED, new byte[0], 0, status);
        } finally {
            current = null;
        }
    }

    /** Ends the process: closing the socket asks it to exit; it is killed if it does not within a moment. */
    void stop() {
        closeQuietly(socket);
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                kill(process);
            }
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the process at once. */
    void kill() {
        closeQuietly(socket);
        kill(process);
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int waitForExit(Process process) {
        try {
            if (process.waitFor(5, TimeUnit.SECONDS)) {
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill(process);
        return process.isAlive() ? -1 : process.exitValue();
    }

    private static InitFailure initTimeout() {
        return new InitFailure("Runtime.Unknown", io.glaux.connectors.lambda.runtime.ErrorPayload.of(
                "Runtime.Unknown", "The function's process did not start and load its handler in time"));
    }

    private static InitFailure exitedDuringInit(Process process) {
        int status = waitForExit(process);
        return new InitFailure("Runtime.ExitError", io.glaux.connectors.lambda.runtime.ErrorPayload.of(
                "Runtime.ExitError", "Error: Runtime exited " + exitDescription(status)));
    }

    /** Lambda's words for how a runtime exited: "with error: exit status 1", "without providing a reason"... */
    static String exitDescription(int status) {
        if (status == 0) {
            return "without providing a reason";
        }
        if (status > 128 && status < 160) {
            return "with error: signal: " + signalName(status - 128);
        }
        return "with error: exit status " + status;
    }

    private static String signalName(int signal) {
        return switch (signal) {
            case 9 -> "killed";
            case 6 -> "aborted";
            case 11 -> "segmentation fault";
            case 15 -> "terminated";
            default -> "signal " + signal;
        };
    }

    /** The errorType member of an error payload, or null. */
    static String errorType(byte[] errorJson) {
        String text = new String(errorJson, StandardCharsets.UTF_8);
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\"errorType\":\"((?:[^\"\\\\]|\\\\.)*)\"")
                .matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closed already.
            }
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(LOG_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads the process's output line by line into the log of the invocation under way. */
    private static final class OutputReader implements Runnable {
        private final InputStream output;
        private final String marker;
        private final FunctionLog functionLog;
        private final InvocationLog startLog;
        private volatile FunctionProcess owner;

        OutputReader(InputStream output, String marker, FunctionLog functionLog, InvocationLog startLog) {
            this.output = output;
            this.marker = marker;
            this.functionLog = functionLog;
            this.startLog = startLog;
        }

        @Override
        public void run() {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            try (InputStream in = new BufferedInputStream(output)) {
                for (int b = in.read(); b >= 0; b = in.read()) {
                    if (b == '\n') {
                        emit(line.toString(StandardCharsets.UTF_8));
                        line.reset();
                    } else {
                        line.write(b);
                    }
                }
            } catch (IOException e) {
                // The process is gone.
            }
            if (line.size() > 0) {
                emit(line.toString(StandardCharsets.UTF_8));
            }
        }

        private void emit(String text) {
            FunctionProcess process = owner;
            InvocationLog target = process != null ? process.current : startLog;
            int at = text.indexOf(marker);
            String line = at >= 0 ? text.substring(0, at) : text;
            if (at < 0 || at > 0) {
                if (target != null) {
                    target.line(line);
                } else {
                    functionLog.append(line);
                }
            }
            if (at >= 0 && target != null) {
                target.marked(text.substring(at + marker.length()));
            }
        }
    }
}
