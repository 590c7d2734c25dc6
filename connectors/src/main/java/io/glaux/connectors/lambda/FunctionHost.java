package io.glaux.connectors.lambda;

import io.glaux.storage.ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Lambda functions hosted by Glaux: each function's configuration and code kept under a folder (surviving a restart),
 * and its invocations run in JVM processes of its own, as Lambda runs them: one invocation at a time per process,
 * more processes (up to a small limit per function) for concurrent invocations, kept warm between invocations and
 * stopped after an idle period, all stopped on {@link #close()}.
 *
 * <p>A new function is Pending until its code is unpacked in the background, then Active; an update leaves it
 * Active with LastUpdateStatus InProgress until the new code or configuration is in place, and invocations meanwhile
 * run the previous one, as on Lambda.
 */
public final class FunctionHost implements FunctionInvoker, AutoCloseable {

    /** Lambda's default code storage per account (75 GB). */
    public static final long CODE_STORAGE_LIMIT = 80_530_636_800L;

    private static final Logger LOG = LoggerFactory.getLogger(FunctionHost.class);

    private final FunctionStore files;
    /**
     * Held while code is unpacked (outside the host's lock, so invocations go on) and while a function's folders are
     * deleted (inside it): a delete never meets files an unpacking is still writing. Taken after the host's lock,
     * never before it.
     */
    private final Object unpacking = new Object();
    private final FunctionNames names;
    private final ObjectStore store;
    private final ProcessLauncher launcher;
    private final InvocationRunner runner;
    private final long idleNanos;
    private final int maxProcesses;
    private final long activationWaitMillis;
    private final Map<String, Entry> entries = new HashMap<>();
    private final Set<ProcessPool> pools = new HashSet<>();
    private final ExecutorService activator;
    private final ExecutorService events;
    private final ScheduledExecutorService reaper;
    private boolean closed;

    /** A function as the host holds it: its configuration, its current pool (null until Active) and its log. */
    private static final class Entry {
        private FunctionConfig config;
        private ProcessPool pool;
        private final FunctionLog log;

        Entry(FunctionConfig config, FunctionLog log) {
            this.config = config;
            this.log = log;
        }
    }

    private FunctionHost(Builder builder) throws IOException {
        this.files = new FunctionStore(builder.folder);
        this.names = new FunctionNames(builder.region, builder.accountId);
        this.store = builder.store;
        this.launcher = new ProcessLauncher(files.runtimeFolder(), builder.region,
                builder.endpoint);
        this.runner = new InvocationRunner(launcher);
        this.idleNanos = builder.idleTimeout.toNanos();
        this.maxProcesses = builder.maxProcessesPerFunction;
        this.activationWaitMillis = builder.activationWait.toMillis();
        this.activator = Executors.newSingleThreadExecutor(daemon("lambda-activation"));
        this.events = Executors.newCachedThreadPool(daemon("lambda-event"));
        this.reaper = Executors.newSingleThreadScheduledExecutor(daemon("lambda-idle"));
        List<FunctionConfig> loaded = files.loadAll();
        files.deleteOrphans(loaded.stream().map(FunctionConfig::name).toList());
        synchronized (this) {
            for (FunctionConfig config : loaded) {
                entries.put(config.name(), new Entry(config, new FunctionLog(files.logFile(config.name()))));
                long revision = config.code().revision();
                activator.submit(() -> activate(config.name(), revision));
            }
        }
        long every = Math.max(50, Math.min(10_000, builder.idleTimeout.toMillis() / 4));
        reaper.scheduleWithFixedDelay(this::stopIdle, every, every, TimeUnit.MILLISECONDS);
    }

    /** A host keeping its functions under {@code folder} (the data folder's {@code .glaux/lambda}). */
    public static Builder builder(Path folder) {
        return new Builder(folder);
    }

    /** How the host names and finds functions: its region and account, and their ARNs. */
    public FunctionNames names() {
        return names;
    }

    /** {@code arn:aws:lambda:<region>:<account>:function:<name>}. */
    public String arn(String name) {
        return names.arn(name);
    }

    /**
     * Glaux's own endpoint ({@code http://127.0.0.1:<port>}), given to functions as {@code AWS_ENDPOINT_URL}; known
     * once the server listens. Processes started before keep what they had.
     */
    public void endpoint(String url) {
        launcher.endpoint(url);
    }

    /**
     * Creates a function from its settings and code; it is Pending until the code is unpacked (in the background).
     *
     * @throws LambdaException CONFLICT when it exists; INVALID for settings or code Lambda refuses; TOO_LARGE for an
     *                         inline package over 50 MB; CODE_STORAGE_EXCEEDED past the account's code storage
     */
    public FunctionConfig create(String name, FunctionSettings settings, Map<String, String> tags, CodeSource code) {
        if (name == null || !FunctionNames.NAME.matcher(name).matches()) {
            throw LambdaException.invalid("Function name must be 1 to 64 letters, digits, hyphens or underscores: "
                    + name);
        }
        FunctionSettings full = settings.withDefaults(name);
        FunctionRules.checkCreate(full);
        synchronized (this) {
            checkOpen();
            if (entries.containsKey(name)) {
                throw new LambdaException(LambdaException.Kind.CONFLICT, "Function already exist: " + name);
            }
        }
        CodePackage staged = CodePackage.stage(code, files.staging(), store, "CreateFunction");
        try {
            synchronized (this) {
                checkOpen();
                if (entries.containsKey(name)) {
                    throw new LambdaException(LambdaException.Kind.CONFLICT, "Function already exist: " + name);
                }
                checkStorage(staged.size());
                long revision = files.nextRevision(name);
                staged.moveTo(files.packageFile(name, revision));
                FunctionConfig config = FunctionConfig.created(name, full, tags,
                        new FunctionConfig.Code(staged.sha256(), staged.size(), revision), Instant.now());
                files.save(config);
                entries.put(name, new Entry(config, new FunctionLog(files.logFile(name))));
                activator.submit(() -> activate(name, revision));
                return config;
            }
        } catch (IOException e) {
            throw new LambdaException(LambdaException.Kind.SERVICE, "Could not keep the deployment package", e);
        } finally {
            staged.discard();
        }
    }

    /**
     * The function's configuration.
     *
     * @throws LambdaException NOT_FOUND
     */
    public synchronized FunctionConfig get(String nameOrArn) {
        return entry(nameOrArn).config;
    }

    /** Every function, by name. */
    public synchronized List<FunctionConfig> list() {
        return entries.values().stream().map(e -> e.config).sorted(Comparator.comparing(FunctionConfig::name))
                .toList();
    }

    /** The deployment package as uploaded, for GetFunction's code location. */
    public synchronized Path packageFile(String nameOrArn) {
        FunctionConfig config = entry(nameOrArn).config;
        return files.packageFile(config.name(), config.code().revision());
    }

    /** The end of the function's log (its last {@code bytes} bytes), every invocation's lines as they came. */
    public String log(String nameOrArn, int bytes) {
        FunctionLog log;
        synchronized (this) {
            log = entry(nameOrArn).log;
        }
        return log.tail(bytes);
    }

    /** The sum of every function's CodeSize. */
    public synchronized long totalCodeSize() {
        return entries.values().stream().mapToLong(e -> e.config.code().size()).sum();
    }

    /**
     * Replaces the function's code (UpdateFunctionCode): LastUpdateStatus is InProgress until it is unpacked.
     *
     * @param revisionId when given, the function's RevisionId it must still have (else PRECONDITION_FAILED)
     * @param dryRun check the code and answer as if updated, changing nothing
     */
    public FunctionConfig updateCode(String nameOrArn, CodeSource code, String revisionId, boolean dryRun) {
        String name;
        synchronized (this) {
            name = checkUpdatable(entry(nameOrArn), revisionId).config.name();
        }
        CodePackage staged = CodePackage.stage(code, files.staging(), store, "UpdateFunctionCode");
        try {
            synchronized (this) {
                Entry entry = checkUpdatable(entry(name), revisionId);
                FunctionConfig.Code newCode = new FunctionConfig.Code(staged.sha256(), staged.size(),
                        entry.config.code().revision());
                if (dryRun) {
                    return entry.config.withCode(newCode, entry.config.lastModified());
                }
                checkStorage(staged.size() - entry.config.code().size());
                long revision = files.nextRevision(name);
                staged.moveTo(files.packageFile(name, revision));
                FunctionConfig updated = entry.config
                        .withCode(new FunctionConfig.Code(staged.sha256(), staged.size(), revision), Instant.now())
                        .withStatus(entry.config.status().isActive() ? FunctionStatus.updating()
                                : FunctionStatus.creating());
                files.save(updated);
                entry.config = updated;
                activator.submit(() -> activate(name, revision));
                return updated;
            }
        } catch (IOException e) {
            throw new LambdaException(LambdaException.Kind.SERVICE, "Could not keep the deployment package", e);
        } finally {
            staged.discard();
        }
    }

    /**
     * Changes the function's settings (UpdateFunctionConfiguration): the members {@code change} sets replace the
     * function's; {@code Environment} is replaced whole. New processes run with them once the update is Successful.
     */
    public FunctionConfig updateConfiguration(String nameOrArn, FunctionSettings change, String revisionId) {
        FunctionRules.checkChange(change);
        synchronized (this) {
            Entry entry = checkUpdatable(entry(nameOrArn), revisionId);
            FunctionSettings settings = entry.config.settings().over(change);
            FunctionConfig updated = entry.config.withSettings(settings, Instant.now())
                    .withStatus(entry.config.status().isActive() ? FunctionStatus.updating()
                            : FunctionStatus.creating());
            files.save(updated);
            entry.config = updated;
            String name = updated.name();
            long revision = updated.code().revision();
            activator.submit(() -> activate(name, revision));
            return updated;
        }
    }

    /** Deletes the function: its processes are killed (an invocation under way fails), its files removed. */
    public synchronized void delete(String nameOrArn) {
        Entry entry = entry(nameOrArn);
        String name = entry.config.name();
        entries.remove(name);
        List<ProcessPool> closing = new ArrayList<>();
        for (ProcessPool pool : pools) {
            if (pool.deployment().name().equals(name)) {
                closing.add(pool);
            }
        }
        pools.removeAll(closing);
        closing.forEach(ProcessPool::close);
        // Not while the code of a just-created function is being unpacked into the folders being deleted.
        synchronized (unpacking) {
            files.delete(name);
        }
    }

    @Override
    public Invocation invoke(String functionNameOrArn, byte[] payload) {
        return invoke(functionNameOrArn, payload, UUID.randomUUID().toString());
    }

    /** As {@link #invoke(String, byte[])}, with the request id the invocation carries. */
    public Invocation invoke(String functionNameOrArn, byte[] payload, String requestId) {
        Objects.requireNonNull(payload, "payload");
        try {
            for (int attempt = 0; attempt < 10; attempt++) {
                ProcessPool pool;
                FunctionLog log;
                synchronized (this) {
                    Entry entry = awaitInvocable(functionNameOrArn);
                    pool = entry.pool;
                    log = entry.log;
                }
                Invocation invocation = runner.run(pool, log, requestId, payload);
                if (invocation != null) {
                    return invocation;
                }
            }
            throw new LambdaException(LambdaException.Kind.CONFLICT, "The function kept changing during the"
                    + " invocation; try again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LambdaException(LambdaException.Kind.SERVICE, "Interrupted while invoking " + functionNameOrArn,
                    e);
        }
    }

    /**
     * An {@code Event} invocation: checked now (the function must exist), run in the background; its outcome goes
     * to the function's log only.
     */
    public void invokeAsync(String functionNameOrArn, byte[] payload, String requestId) {
        synchronized (this) {
            checkOpen();
            entry(functionNameOrArn);
        }
        events.submit(() -> {
            try {
                invoke(functionNameOrArn, payload, requestId);
            } catch (RuntimeException e) {
                LOG.info("Event invocation {} of {} was not run: {}", requestId, functionNameOrArn, e.getMessage());
            }
        });
    }

    /** What a DryRun invocation checks: the function exists and can be invoked. */
    public synchronized void checkInvocable(String functionNameOrArn) {
        entry(functionNameOrArn);
    }

    /** Process ids of the function's warm (idle) processes, most recently used first. */
    public List<Long> idleProcesses(String functionNameOrArn) {
        ProcessPool pool;
        synchronized (this) {
            pool = entry(functionNameOrArn).pool;
        }
        return pool == null ? List.of() : pool.idlePids();
    }

    /** Stops every function's processes; the host takes no more calls. */
    @Override
    public void close() {
        List<ProcessPool> closing;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            closing = new ArrayList<>(pools);
            pools.clear();
            notifyAll();
        }
        reaper.shutdownNow();
        activator.shutdownNow();
        events.shutdownNow();
        closing.forEach(ProcessPool::close);
        try {
            activator.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Entry entry(String nameOrArn) {
        String name = names.resolve(nameOrArn);
        Entry entry = entries.get(name);
        if (entry == null) {
            throw LambdaException.notFound(names.arn(name));
        }
        return entry;
    }

    /** The function once it can be invoked, waiting a moment for a Pending one (called holding the lock). */
    private Entry awaitInvocable(String nameOrArn) throws InterruptedException {
        long deadline = System.currentTimeMillis() + activationWaitMillis;
        while (true) {
            checkOpen();
            Entry entry = entry(nameOrArn);
            if (entry.pool != null) {
                return entry;
            }
            long left = deadline - System.currentTimeMillis();
            if (FunctionStatus.FAILED.equals(entry.config.status().state()) || left <= 0) {
                throw new LambdaException(LambdaException.Kind.CONFLICT, "The operation cannot be performed at"
                        + " this time. The function is currently in the following state: "
                        + entry.config.status().state());
            }
            wait(left);
        }
    }

    private Entry checkUpdatable(Entry entry, String revisionId) {
        FunctionStatus status = entry.config.status();
        if (FunctionStatus.PENDING.equals(status.state())) {
            throw new LambdaException(LambdaException.Kind.CONFLICT, "The operation cannot be performed at this"
                    + " time. The function is currently in the following state: Pending");
        }
        if (status.isUpdating()) {
            throw new LambdaException(LambdaException.Kind.CONFLICT, "The operation cannot be performed at this"
                    + " time. An update is in progress for resource: " + names.arn(entry.config.name()));
        }
        if (revisionId != null && !revisionId.equals(entry.config.revisionId())) {
            throw new LambdaException(LambdaException.Kind.PRECONDITION_FAILED, "The Revision Id provided does not"
                    + " match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest"
                    + " Revision Id");
        }
        return entry;
    }

    private void checkStorage(long added) {
        if (totalCodeSize() + added > CODE_STORAGE_LIMIT) {
            throw new LambdaException(LambdaException.Kind.CODE_STORAGE_EXCEEDED, "Code storage limit exceeded.");
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new LambdaException(LambdaException.Kind.SERVICE, "The Lambda service is stopping");
        }
    }

    /**
     * Unpacks revision {@code revision} of the function's code (unless done before) and puts the function's current
     * configuration into service: Pending becomes Active, InProgress Successful.
     */
    private void activate(String name, long revision) {
        FunctionConfig config;
        synchronized (this) {
            Entry entry = entries.get(name);
            if (closed || entry == null || entry.config.code().revision() != revision) {
                return;
            }
            config = entry.config;
        }
        Path packageFile = files.packageFile(name, revision);
        Path taskRoot = files.taskRoot(name, revision);
        Path unpacked = files.codeFolder(name, revision).resolve(".unpacked");
        ProcessPool retiring = null;
        try {
            synchronized (unpacking) {
                if (!Files.exists(packageFile)) {
                    return; // deleted meanwhile
                }
                if (!Files.exists(unpacked)) {
                    FunctionStore.deleteTree(taskRoot);
                    CodePackage.unpack(packageFile, taskRoot);
                    Files.createFile(unpacked);
                }
            }
            synchronized (this) {
                Entry entry = entries.get(name);
                if (closed || entry == null || entry.config != config) {
                    if (entry == null) {
                        files.deleteRevision(name, revision);
                    }
                    return;
                }
                FunctionStatus status = config.status();
                FunctionConfig done = status.isActive() && !status.isUpdating() ? config
                        : config.withStatus(FunctionStatus.active());
                if (done != config) {
                    files.save(done);
                    entry.config = done;
                }
                Deployment deployment = Deployment.of(done, names.arn(name), packageFile, taskRoot,
                        files.tmpFolder(name));
                ProcessPool fresh = new ProcessPool(deployment, maxProcesses);
                retiring = entry.pool;
                entry.pool = fresh;
                pools.add(fresh);
                notifyAll();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not put function {} in service", name, e);
            synchronized (this) {
                Entry entry = entries.get(name);
                if (entry != null && entry.config == config) {
                    String reason = "Glaux could not unpack the function's code: " + e.getMessage();
                    String code = e instanceof java.util.zip.ZipException ? "InvalidZipFileException"
                            : "InternalError";
                    FunctionConfig failed = config.withStatus(config.status().isActive()
                            ? FunctionStatus.updateFailed(reason, code) : FunctionStatus.createFailed(reason, code));
                    files.save(failed);
                    entry.config = failed;
                }
                notifyAll();
            }
        }
        if (retiring != null) {
            ProcessPool old = retiring;
            long oldRevision = old.deployment().revision();
            old.retire(() -> retired(name, old, oldRevision));
        }
    }

    /** A replaced pool has stopped its last process: its code goes unless the function still runs it. */
    private synchronized void retired(String name, ProcessPool pool, long revision) {
        pools.remove(pool);
        Entry entry = entries.get(name);
        if (entry != null && entry.config.code().revision() != revision
                && (entry.pool == null || entry.pool.deployment().revision() != revision)) {
            files.deleteRevision(name, revision);
        }
    }

    private void stopIdle() {
        List<ProcessPool> snapshot;
        synchronized (this) {
            snapshot = new ArrayList<>(pools);
        }
        for (ProcessPool pool : snapshot) {
            pool.stopIdle(idleNanos);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Options of a {@link FunctionHost}. */
    public static final class Builder {
        private final Path folder;
        private ObjectStore store;
        private String region = "us-east-1";
        private String accountId = "000000000000";
        private String endpoint;
        private Duration idleTimeout = Duration.ofMinutes(5);
        private int maxProcessesPerFunction = 4;
        private Duration activationWait = Duration.ofSeconds(10);

        private Builder(Path folder) {
            this.folder = Objects.requireNonNull(folder);
        }

        /** The store S3Bucket/S3Key code is read from (Glaux's own). */
        public Builder store(ObjectStore objects) {
            this.store = objects;
            return this;
        }

        /** The region of ARNs and of AWS_REGION. Default us-east-1. */
        public Builder region(String value) {
            this.region = Objects.requireNonNull(value);
            return this;
        }

        /** The 12-digit account of ARNs. Default 000000000000. */
        public Builder accountId(String value) {
            this.accountId = Objects.requireNonNull(value);
            return this;
        }

        /** Glaux's endpoint, given to functions as AWS_ENDPOINT_URL (or later, {@link FunctionHost#endpoint}). */
        public Builder endpoint(String url) {
            this.endpoint = url;
            return this;
        }

        /** How long a warm process may wait for an invocation before it is stopped. Default 5 minutes. */
        public Builder idleTimeout(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("The idle timeout must be positive: " + value);
            }
            this.idleTimeout = value;
            return this;
        }

        /** How many processes one function may run at once (concurrent invocations). Default 4. */
        public Builder maxProcessesPerFunction(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("At least one process per function: " + count);
            }
            this.maxProcessesPerFunction = count;
            return this;
        }

        /** How long an invocation of a Pending function waits for it to be Active. Default 10 seconds. */
        public Builder activationWait(Duration value) {
            this.activationWait = Objects.requireNonNull(value);
            return this;
        }

        public FunctionHost build() throws IOException {
            return new FunctionHost(this);
        }
    }
}
