package io.glaux.connectors.lambda;

import io.glaux.connectors.lambda.runtime.ErrorPayload;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Runs one invocation on a function's pool as Lambda does: a warm process or a new one (its start-up is the
 * invocation's Init Duration), the START line, the handler, END and REPORT, and Lambda's function errors for a
 * handler that throws, a process that runs past the function's timeout (killed) or exits.
 */
final class InvocationRunner {

    static final String UNHANDLED = "Unhandled";
    static final String TIMEOUT_TYPE = "Sandbox.Timedout";
    private static final String LATEST = "$LATEST";
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** Lambda's init phase may take 10 seconds, or the function's timeout when that is longer. */
    private static final long INIT_LIMIT_MILLIS = 10_000;

    private final ProcessLauncher launcher;

    InvocationRunner(ProcessLauncher launcher) {
        this.launcher = launcher;
    }

    /**
     * Runs the invocation on {@code pool}; null when the pool was retired (the function changed) before a process
     * was free, so the caller runs it on the function's new pool.
     */
    Invocation run(ProcessPool pool, FunctionLog functionLog, String requestId, byte[] payload)
            throws InterruptedException {
        Deployment deployment = pool.deployment();
        FunctionSettings settings = deployment.settings();
        long timeoutMillis = settings.timeout() * 1000L;
        long initLimit = Math.max(INIT_LIMIT_MILLIS, timeoutMillis);
        ProcessPool.Lease lease = pool.acquire(timeoutMillis + initLimit);
        if (lease == null) {
            if (pool.isRetired()) {
                return null;
            }
            throw new LambdaException(LambdaException.Kind.THROTTLED, "Rate Exceeded.");
        }
        InvocationLog log = new InvocationLog(functionLog);
        log.line("START RequestId: " + requestId + " Version: " + LATEST);
        long started = System.nanoTime();
        FunctionProcess process = lease.process();
        Long initMillis = null;
        if (process == null) {
            try {
                process = FunctionProcess.start(deployment, launcher, functionLog, log, initLimit);
            } catch (FunctionProcess.InitFailure failure) {
                pool.abandon();
                return finish(log, requestId, started, settings, 0, null, failure.payload(), failure.errorType(),
                        null);
            } catch (IOException e) {
                pool.abandon();
                byte[] error = ErrorPayload.of("Runtime.Unknown", "RequestId: " + requestId
                        + " Error: Glaux could not start the function's process: " + e.getMessage());
                return finish(log, requestId, started, settings, 0, null, error, "Runtime.Unknown", null);
            }
            if (!pool.started(process)) {
                pool.abandon();
                throw new LambdaException(LambdaException.Kind.CONFLICT, "The function " + deployment.name()
                        + " was changed or deleted during the invocation");
            }
            initMillis = process.initMillis();
            started = System.nanoTime();
        }
        FunctionProcess.Outcome outcome = process.invoke(requestId, deployment.arn(), payload, timeoutMillis, log);
        boolean reusable = outcome.ending() == FunctionProcess.Ending.RESULT
                || outcome.ending() == FunctionProcess.Ending.ERROR;
        pool.release(process, reusable);
        return switch (outcome.ending()) {
            case RESULT -> finish(log, requestId, started, settings, outcome.maxMemoryUsedMb(), initMillis,
                    outcome.payload(), null, null);
            case ERROR -> finish(log, requestId, started, settings, outcome.maxMemoryUsedMb(), initMillis,
                    outcome.payload(), java.util.Objects.requireNonNullElse(
                    FunctionProcess.errorType(outcome.payload()), UNHANDLED), null);
            case TIMEOUT -> {
                String message = TIMESTAMP.format(Instant.now()) + " " + requestId + " Task timed out after "
                        + String.format(Locale.ROOT, "%.2f", settings.timeout().doubleValue()) + " seconds";
                yield finish(log, requestId, started, settings, outcome.maxMemoryUsedMb(), initMillis,
                        ErrorPayload.of(null, message), TIMEOUT_TYPE, message);
            }
            case EXITED -> {
                String message = "RequestId: " + requestId + " Error: Runtime exited "
                        + FunctionProcess.exitDescription(outcome.exitStatus());
                log.line(message);
                log.line("Runtime.ExitError");
                yield finish(log, requestId, started, settings, outcome.maxMemoryUsedMb(), initMillis,
                        ErrorPayload.of("Runtime.ExitError", message), "Runtime.ExitError", null);
            }
        };
    }

    /** END and REPORT (and a timeout's last line), and the answer. */
    private static Invocation finish(InvocationLog log, String requestId, long started, FunctionSettings settings,
                                     int memoryUsed, Long initMillis, byte[] payload, String errorType,
                                     String trailer) {
        double millis = (System.nanoTime() - started) / 1e6;
        log.line("END RequestId: " + requestId);
        StringBuilder report = new StringBuilder("REPORT RequestId: ").append(requestId)
                .append("\tDuration: ").append(String.format(Locale.ROOT, "%.2f", millis)).append(" ms")
                .append("\tBilled Duration: ").append((long) Math.ceil(millis)).append(" ms")
                .append("\tMemory Size: ").append(settings.memorySize()).append(" MB")
                .append("\tMax Memory Used: ").append(memoryUsed).append(" MB");
        if (initMillis != null) {
            report.append("\tInit Duration: ").append(String.format(Locale.ROOT, "%.2f", (double) initMillis))
                    .append(" ms");
        }
        if (trailer != null) {
            report.append("\tStatus: timeout");
        }
        log.line(report.toString());
        if (trailer != null) {
            log.line(trailer);
        }
        boolean failed = errorType != null;
        return new Invocation(requestId, payload, failed ? UNHANDLED : null, errorType, log.tail(), LATEST);
    }
}
