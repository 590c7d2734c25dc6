package io.glaux.kms;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.glaux.persist.JsonFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** One account and region's grants by id, in creation order, saved whole to {@code grants.json} on each change. */
final class GrantTable {

    /** The file's content. */
    record Saved(List<KmsGrant> grants) {
        @JsonCreator
        Saved(@JsonProperty("grants") List<KmsGrant> grants) {
            this.grants = grants == null ? List.of() : List.copyOf(grants);
        }
    }

    private final Path file;
    private final boolean sync;
    private final JsonFiles json = new JsonFiles();
    private final Map<String, KmsGrant> byId = new LinkedHashMap<>();

    GrantTable(Path folder, boolean sync) {
        this.file = folder.resolve("grants.json");
        this.sync = sync;
        if (Files.exists(file)) {
            json.read(file, Saved.class).grants().forEach(grant -> byId.put(grant.grantId(), grant));
        }
    }

    Optional<KmsGrant> find(String grantId) {
        return Optional.ofNullable(byId.get(grantId));
    }

    Optional<KmsGrant> findByToken(String token) {
        return byId.values().stream().filter(grant -> grant.grantToken().equals(token)).findFirst();
    }

    List<KmsGrant> list(Predicate<KmsGrant> filter) {
        return byId.values().stream().filter(filter).toList();
    }

    void add(KmsGrant grant) {
        byId.put(grant.grantId(), grant);
        save();
    }

    void remove(String grantId) {
        byId.remove(grantId);
        save();
    }

    /** Drops the grants of a deleted key. */
    void removeKey(String keyId) {
        if (byId.values().removeIf(grant -> grant.keyId().equals(keyId))) {
            save();
        }
    }

    private void save() {
        json.write(file, new Saved(new ArrayList<>(byId.values())), sync);
    }
}
