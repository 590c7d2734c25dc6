package io.glaux.connectors.lambda;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A function as Glaux keeps it (one JSON file each): its settings, tags, code, status and revision. Every change
 * gives a new RevisionId and LastModified, as Lambda does.
 *
 * @param code the deployment package: its SHA-256 (base64) and size in bytes, and the folder it is unpacked in
 */
public record FunctionConfig(String name, FunctionSettings settings, Map<String, String> tags, Code code,
                             FunctionStatus status, Instant lastModified, String revisionId) {

    /**
     * A deployment package.
     *
     * @param sha256 base64 of the SHA-256 of the zip's bytes (Lambda's CodeSha256)
     * @param size the zip's size in bytes (CodeSize)
     * @param revision the number of the folder it is kept in, {@code code/<name>/<revision>/}
     */
    public record Code(String sha256, long size, long revision) {
    }

    public FunctionConfig {
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    static FunctionConfig created(String name, FunctionSettings settings, Map<String, String> tags, Code code,
                                  Instant now) {
        return new FunctionConfig(name, settings, tags, code, FunctionStatus.creating(), now, newRevision());
    }

    FunctionConfig withStatus(FunctionStatus newStatus) {
        return new FunctionConfig(name, settings, tags, code, newStatus, lastModified, newRevision());
    }

    FunctionConfig withSettings(FunctionSettings newSettings, Instant now) {
        return new FunctionConfig(name, newSettings, tags, code, status, now, newRevision());
    }

    FunctionConfig withCode(Code newCode, Instant now) {
        return new FunctionConfig(name, settings, tags, newCode, status, now, newRevision());
    }

    private static String newRevision() {
        return UUID.randomUUID().toString();
    }
}
