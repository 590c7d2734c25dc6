package io.glaux.kms;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.glaux.persist.JsonFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One account and region's aliases by name, saved whole to {@code aliases.json} on each change. */
final class AliasTable {

    /** The file's content. */
    record Saved(List<KmsAlias> aliases) {
        @JsonCreator
        Saved(@JsonProperty("aliases") List<KmsAlias> aliases) {
            this.aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }
    }

    private final Path file;
    private final boolean sync;
    private final JsonFiles json = new JsonFiles();
    private final Map<String, KmsAlias> byName = new TreeMap<>();

    AliasTable(Path folder, boolean sync) {
        this.file = folder.resolve("aliases.json");
        this.sync = sync;
        if (Files.exists(file)) {
            json.read(file, Saved.class).aliases().forEach(alias -> byName.put(alias.name(), alias));
        }
    }

    Optional<KmsAlias> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** All aliases by name, or those of one key. */
    List<KmsAlias> list(String keyId) {
        return byName.values().stream().filter(alias -> keyId == null || alias.targetKeyId().equals(keyId)).toList();
    }

    void put(KmsAlias alias) {
        byName.put(alias.name(), alias);
        save();
    }

    void remove(String name) {
        byName.remove(name);
        save();
    }

    /** Drops the aliases of a deleted key. */
    void removeKey(String keyId) {
        if (byName.values().removeIf(alias -> alias.targetKeyId().equals(keyId))) {
            save();
        }
    }

    private void save() {
        json.write(file, new Saved(new ArrayList<>(byName.values())), sync);
    }
}
