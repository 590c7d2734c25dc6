package io.glaux.workgroup;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.persist.JsonFiles;
import io.glaux.storage.S3Location;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Athena workgroups, persisted one JSON file each. {@code primary} always exists and cannot be deleted. Decides a
 * query's output location from the workgroup and the client's request, as Athena does.
 */
public final class WorkgroupService {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9._-]{1,128}");
    static final String NO_OUTPUT_LOCATION = "No output location provided. An output location is required either"
            + " through the Workgroup result configuration setting or as an API input.";

    private final Path folder;
    private final JsonFiles files = new JsonFiles();
    private final ConcurrentMap<String, Workgroup> workgroups = new ConcurrentHashMap<>();

    /**
     * @param folder where workgroups are kept
     * @param defaultOutputLocation the primary workgroup's output location when it is first created (may be null)
     */
    public WorkgroupService(Path folder, String defaultOutputLocation) {
        this.folder = folder;
        load();
        if (!workgroups.containsKey(Workgroup.PRIMARY)) {
            WorkgroupConfiguration configuration = WorkgroupConfiguration.defaults();
            if (defaultOutputLocation != null) {
                configuration = new WorkgroupConfiguration(
                        ResultConfiguration.NONE.withOutputLocation(defaultOutputLocation), false, false, null, false,
                        "AUTO", false);
            }
            save(new Workgroup(Workgroup.PRIMARY, WorkgroupState.ENABLED, "", configuration, Instant.now(),
                    Map.of()));
        }
    }

    private void load() {
        for (Workgroup workgroup : files.readAll(folder, Workgroup.class)) {
            workgroups.put(workgroup.name(), workgroup);
        }
    }

    private synchronized void save(Workgroup workgroup) {
        files.write(folder.resolve(workgroup.name() + ".json"), workgroup);
        workgroups.put(workgroup.name(), workgroup);
    }

    public List<Workgroup> list() {
        return workgroups.values().stream().sorted(java.util.Comparator.comparing(Workgroup::name)).toList();
    }

    public Optional<Workgroup> find(String name) {
        return Optional.ofNullable(workgroups.get(name));
    }

    public Workgroup get(String name) {
        return find(name).orElseThrow(() -> new GlauxException(ErrorType.INVALID_ARGUMENT,
                "WorkGroup " + name + " is not found."));
    }

    public synchronized Workgroup create(String name, String description, WorkgroupConfiguration configuration,
                                         Map<String, String> tags) {
        validateName(name);
        if (workgroups.containsKey(name)) {
            throw new GlauxException(ErrorType.INVALID_ARGUMENT, "WorkGroup " + name + " is already created");
        }
        WorkgroupConfiguration checked = validate(configuration == null ? WorkgroupConfiguration.defaults()
                : configuration);
        Workgroup workgroup = new Workgroup(name, WorkgroupState.ENABLED, description, checked, Instant.now(), tags);
        save(workgroup);
        return workgroup;
    }

    /** Replaces a workgroup's definition (UpdateWorkGroup has already merged the changes). */
    public synchronized Workgroup update(Workgroup updated) {
        get(updated.name());
        Workgroup checked = updated.withConfiguration(validate(updated.configuration()));
        save(checked);
        return checked;
    }

    /** Changes a workgroup's tags in one step (read, change, write) and returns the workgroup. */
    public synchronized Workgroup changeTags(String name, UnaryOperator<Map<String, String>> change) {
        Workgroup updated = get(name);
        updated = updated.withTags(change.apply(updated.tags()));
        save(updated);
        return updated;
    }

    public synchronized void delete(String name) {
        if (Workgroup.PRIMARY.equals(name)) {
            throw new GlauxException(ErrorType.INVALID_ARGUMENT, "Cannot delete primary workgroup");
        }
        get(name);
        try {
            Files.deleteIfExists(folder.resolve(name + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        workgroups.remove(name);
    }

    /**
     * The output prefix for a query: the workgroup's when it enforces its configuration (or the client gave none),
     * else the client's.
     */
    public S3Location outputLocation(Workgroup workgroup, String clientOutputLocation) {
        String workgroupLocation = workgroup.configuration().resultConfiguration().outputLocation();
        String chosen = workgroup.configuration().enforceWorkGroupConfiguration()
                ? firstNonBlank(workgroupLocation, clientOutputLocation)
                : firstNonBlank(clientOutputLocation, workgroupLocation);
        if (chosen == null) {
            throw new GlauxException(ErrorType.INVALID_ARGUMENT, NO_OUTPUT_LOCATION);
        }
        try {
            return S3Location.parse(chosen).asPrefix();
        } catch (IllegalArgumentException e) {
            throw new GlauxException(ErrorType.INVALID_ARGUMENT, "Invalid output location: " + e.getMessage());
        }
    }

    /**
     * The encryption of a query's results: the workgroup's when it enforces its configuration, else the client's
     * when it gave one, else the workgroup's (null: not encrypted). An option other than SSE_S3, SSE_KMS or CSE_KMS,
     * or CSE_KMS without a KMS key, is refused.
     */
    public EncryptionConfiguration resultEncryption(Workgroup workgroup, EncryptionConfiguration client) {
        WorkgroupConfiguration configuration = workgroup.configuration();
        EncryptionConfiguration own = configuration.resultConfiguration().encryptionConfiguration();
        EncryptionConfiguration chosen = configuration.enforceWorkGroupConfiguration() || client == null
                ? own : client;
        if (chosen == null) {
            return null;
        }
        validate(chosen);
        if (!configuration.enforceWorkGroupConfiguration() && configuration.enableMinimumEncryptionConfiguration()
                && own != null && strength(chosen) < strength(own)) {
            throw new GlauxException(ErrorType.INVALID_ARGUMENT, "The encryption option " + chosen.encryptionOption()
                    + " is weaker than the minimum encryption " + own.encryptionOption() + " that workgroup "
                    + workgroup.name() + " requires for query results (SSE_S3 < SSE_KMS < CSE_KMS)");
        }
        return chosen;
    }

    /** SSE_S3 < SSE_KMS < CSE_KMS, the order in which a minimum encryption admits stronger options. */
    private static int strength(EncryptionConfiguration encryption) {
        return List.of("SSE_S3", "SSE_KMS", "CSE_KMS").indexOf(encryption.encryptionOption());
    }

    private static void validate(EncryptionConfiguration encryption) {
        if (!List.of("SSE_S3", "SSE_KMS", "CSE_KMS").contains(encryption.encryptionOption())) {
            throw new GlauxException(ErrorType.INVALID_ARGUMENT, "EncryptionOption must be SSE_S3, SSE_KMS or"
                    + " CSE_KMS, not " + encryption.encryptionOption());
        }
        if (encryption.encryptionOption().equals("CSE_KMS")
                && (encryption.kmsKey() == null || encryption.kmsKey().isBlank())) {
            throw new GlauxException(ErrorType.INVALID_ARGUMENT, "KmsKey is required when EncryptionOption is"
                    + " CSE_KMS");
        }
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }

    private static void validateName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new GlauxException(ErrorType.INVALID_ARGUMENT, "Invalid workgroup name '" + name
                    + "': 1-128 characters of letters, digits, '.', '_' and '-'");
        }
    }

    private static WorkgroupConfiguration validate(WorkgroupConfiguration configuration) {
        Long cutoff = configuration.bytesScannedCutoffPerQuery();
        if (cutoff != null && cutoff < WorkgroupConfiguration.MIN_BYTES_SCANNED_CUTOFF) {
            throw new GlauxException(ErrorType.INVALID_ARGUMENT, "BytesScannedCutoffPerQuery must be at least "
                    + WorkgroupConfiguration.MIN_BYTES_SCANNED_CUTOFF);
        }
        String location = configuration.resultConfiguration().outputLocation();
        if (location != null && !location.isBlank()) {
            try {
                S3Location.parse(location);
            } catch (IllegalArgumentException e) {
                throw new GlauxException(ErrorType.INVALID_ARGUMENT, "Invalid output location: " + e.getMessage());
            }
        }
        EncryptionConfiguration encryption = configuration.resultConfiguration().encryptionConfiguration();
        if (encryption != null) {
            validate(encryption);
        }
        return configuration;
    }
}
