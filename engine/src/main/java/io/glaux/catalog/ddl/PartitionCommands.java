package io.glaux.catalog.ddl;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Catalog;
import io.glaux.catalog.Column;
import io.glaux.catalog.Partition;
import io.glaux.catalog.TableDefinition;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.format.text.TextValueParser;
import io.glaux.storage.ObjectInfo;
import io.glaux.storage.ObjectStore;
import io.glaux.storage.S3Location;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** ALTER TABLE ADD/DROP PARTITION, SHOW PARTITIONS and MSCK REPAIR TABLE. */
final class PartitionCommands {

    private final Catalog catalog;
    private final ObjectStore store;

    PartitionCommands(Catalog catalog, ObjectStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    /**
     * Partitions without LOCATION go to {@code <table location>/k=v/}, each value escaped as Hive escapes it (so a
     * value never names another folder). Every value must convert to its key's type, as Hive checks them
     * ({@code hive.typecheck.on.insert}), before anything is added.
     */
    void add(TableDefinition table, DdlStatement.AddPartitions statement) {
        List<Partition> partitions = new ArrayList<>();
        for (DdlStatement.PartitionSpec spec : statement.partitions()) {
            List<String> values = fullSpec(table, spec.values());
            checkTypes(table, spec);
            String location = spec.location() != null ? spec.location()
                    : folder(table, HivePartitionNames.name(table.partitionKeys(), values));
            partitions.add(new Partition(values, location));
        }
        catalog.addPartitions(table.database(), table.name(), partitions, statement.ifNotExists());
    }

    /** Each spec may give only some keys: it drops every partition that matches them. */
    void drop(TableDefinition table, DdlStatement.DropPartitions statement) {
        List<Partition> existing = catalog.listPartitions(table.database(), table.name());
        Set<List<String>> doomed = new java.util.LinkedHashSet<>();
        for (Map<String, String> spec : statement.partitions()) {
            Map<Integer, String> wanted = positions(table, spec);
            List<Partition> matches = existing.stream().filter(p -> wanted.entrySet().stream()
                    .allMatch(w -> p.values().get(w.getKey()).equals(w.getValue()))).toList();
            if (matches.isEmpty() && !statement.ifExists()) {
                throw GlauxException.notFound("Partition " + spec + " does not exist in table '"
                        + table.database() + "." + table.name() + "'");
            }
            matches.forEach(p -> doomed.add(p.values()));
        }
        catalog.dropPartitions(table.database(), table.name(), new ArrayList<>(doomed), true);
    }

    DdlResult show(TableDefinition table) {
        requirePartitioned(table);
        List<String> names = catalog.listPartitions(table.database(), table.name()).stream()
                .map(p -> HivePartitionNames.name(table.partitionKeys(), p.values())).sorted().toList();
        return new DdlResult("partition", names);
    }

    /**
     * Adds every partition folder under the table's location whose path names the partition keys in order
     * ({@code k1=v1/k2=v2/...}) and that the catalog does not have yet. Other paths are ignored, and so are folders
     * whose values do not convert to their keys' types ({@code year=abc} for an int key): they are not partitions
     * of this table, as Hive's {@code hive.msck.path.validation=skip} treats invalid partition folders.
     */
    DdlResult repair(TableDefinition table) {
        requirePartitioned(table);
        S3Location root = S3Location.parse(table.storage().location()).asPrefix();
        List<ObjectInfo> objects;
        try {
            objects = store.listAll(root.bucket(), root.key());
        } catch (IOException e) {
            throw new GlauxException(ErrorType.DDL_TASK_FAILED, "Cannot list " + root + ": " + e.getMessage(), e);
        }
        Set<List<String>> known = new HashSet<>();
        catalog.listPartitions(table.database(), table.name()).forEach(p -> known.add(p.values()));
        Map<String, Partition> found = new TreeMap<>();
        List<Column> keys = table.partitionKeys();
        for (ObjectInfo object : objects) {
            String[] segments = object.key().substring(root.key().length()).split("/", -1);
            if (segments.length <= keys.size()) {
                continue; // not inside a folder of the last partition level
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                String segment = segments[i];
                int eq = segment.indexOf('=');
                if (eq <= 0 || !HivePartitionNames.unescape(segment.substring(0, eq))
                        .equalsIgnoreCase(keys.get(i).name()) || eq == segment.length() - 1) {
                    break;
                }
                values.add(HivePartitionNames.unescape(segment.substring(eq + 1)));
            }
            if (values.size() != keys.size() || known.contains(values) || !convertible(keys, values)) {
                continue;
            }
            String name = HivePartitionNames.name(keys, values);
            found.putIfAbsent(name, new Partition(values, folder(table, name)));
        }
        if (found.isEmpty()) {
            return new DdlResult("result", List.of());
        }
        catalog.addPartitions(table.database(), table.name(), new ArrayList<>(found.values()), true);
        List<String> lines = new ArrayList<>();
        lines.add("Partitions not in metastore:\t" + String.join("\t",
                found.keySet().stream().map(n -> table.name() + ":" + n).toList()));
        found.keySet().forEach(n -> lines.add("Repair: Added partition to metastore " + table.name() + ":" + n));
        return new DdlResult("result", lines);
    }

    /**
     * Hive's check of a PARTITION clause against the keys' types: a value that does not convert is its
     * {@code SemanticException [Error 10248]} (ErrorMsg.PARTITION_SPEC_TYPE_MISMATCH), naming the literal's type.
     */
    private static void checkTypes(TableDefinition table, DdlStatement.PartitionSpec spec) {
        for (Column key : table.partitionKeys()) {
            String value = spec.values().get(key.name());
            if (value != null && !convertible(value, key.type())) {
                throw new GlauxException(ErrorType.USER_ERROR, "FAILED: SemanticException [Error 10248]: Cannot add"
                        + " partition column " + key.name() + " of type "
                        + spec.literalTypes().getOrDefault(key.name(), "string")
                        + " as it cannot be converted to type " + key.type().ddl());
            }
        }
    }

    private static boolean convertible(List<Column> keys, List<String> values) {
        for (int i = 0; i < keys.size(); i++) {
            if (!convertible(values.get(i), keys.get(i).type())) {
                return false;
            }
        }
        return true;
    }

    /** Whether a partition value reads as a value of {@code type} (Hive's default partition reads as NULL). */
    static boolean convertible(String value, AthenaType type) {
        if (value.equals(HivePartitionNames.DEFAULT_PARTITION)) {
            return true;
        }
        try {
            TextValueParser.parse(value, type);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String folder(TableDefinition table, String partitionName) {
        return S3Location.parse(table.storage().location()).resolve(partitionName + "/").toString();
    }

    /** The values of a spec that names every partition key, in the table's key order. */
    private static List<String> fullSpec(TableDefinition table, Map<String, String> spec) {
        Map<Integer, String> byPosition = positions(table, spec);
        if (byPosition.size() != table.partitionKeys().size()) {
            List<String> missing = table.partitionKeys().stream().map(Column::name)
                    .filter(k -> !spec.containsKey(k)).toList();
            throw new GlauxException(ErrorType.DDL_TASK_FAILED, "Partition spec " + spec
                    + " is missing partition keys " + missing + " of table '" + table.database() + "."
                    + table.name() + "'");
        }
        return new ArrayList<>(new TreeMap<>(byPosition).values());
    }

    private static Map<Integer, String> positions(TableDefinition table, Map<String, String> spec) {
        requirePartitioned(table);
        Map<Integer, String> byPosition = new LinkedHashMap<>();
        List<String> keyNames = table.partitionKeys().stream().map(Column::name).toList();
        spec.forEach((key, value) -> {
            int index = keyNames.indexOf(key);
            if (index < 0) {
                throw new GlauxException(ErrorType.DDL_TASK_FAILED, "Partition spec " + spec
                        + " contains non-partition column '" + key + "' of table '" + table.database() + "."
                        + table.name() + "'");
            }
            byPosition.put(index, value);
        });
        return byPosition;
    }

    private static void requirePartitioned(TableDefinition table) {
        if (table.partitionKeys().isEmpty()) {
            throw new GlauxException(ErrorType.DDL_TASK_FAILED,
                    "Table " + table.database() + "." + table.name() + " is not a partitioned table");
        }
    }
}
