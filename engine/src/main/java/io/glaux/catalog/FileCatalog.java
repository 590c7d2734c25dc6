package io.glaux.catalog;

import io.glaux.persist.AtomicFiles;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A {@link Catalog} kept as JSON files under one folder (see {@link CatalogLayout}): one file per database, one per
 * table and one per table's partitions, so a change rewrites only the files of the object it touches.
 *
 * <p>Every write goes through {@link AtomicFiles} (temporary file, fsync, atomic rename); dropping a database first
 * renames its folder to a hidden name, so a crash never leaves half a database. Stray temporary entries are ignored
 * when loading.
 *
 * <p>The whole catalog is held in memory as an immutable snapshot that readers use without locking; writers are
 * serialized, write the files, then publish a new snapshot.
 */
public final class FileCatalog implements Catalog {

    public static final String DEFAULT_DATABASE = "default";

    private record TableEntry(TableDefinition table, Map<List<String>, Partition> partitions,
                              List<Partition> partitionList) {
        TableEntry(TableDefinition table, Map<List<String>, Partition> partitions) {
            this(table, Collections.unmodifiableMap(partitions), List.copyOf(partitions.values()));
        }
    }

    private record DatabaseEntry(Database database, Map<String, TableEntry> tables) {
        DatabaseEntry {
            tables = Collections.unmodifiableMap(new TreeMap<>(tables));
        }

        DatabaseEntry withTable(String name, TableEntry entry) {
            Map<String, TableEntry> copy = new TreeMap<>(tables);
            if (entry == null) {
                copy.remove(name);
            } else {
                copy.put(name, entry);
            }
            return new DatabaseEntry(database, copy);
        }
    }

    private final CatalogLayout layout;
    private final Object writeLock = new Object();
    private volatile Map<String, DatabaseEntry> state;
    private final AtomicLong version = new AtomicLong();

    /** Opens (or creates) the catalog kept under {@code folder}; creates the {@code default} database if missing. */
    public FileCatalog(Path folder) {
        this.layout = new CatalogLayout(folder);
        try {
            Files.createDirectories(folder);
            this.state = Collections.unmodifiableMap(load());
        } catch (IOException e) {
            throw new GlauxException(ErrorType.METASTORE_ERROR, "Cannot read the catalog in " + folder + ": " + e, e);
        }
        if (!state.containsKey(DEFAULT_DATABASE)) {
            createDatabase(new Database(DEFAULT_DATABASE, "Default Hive database", null, Map.of()), true);
        }
    }

    @Override
    public long version() {
        return version.get();
    }

    // ---------------------------------------------------------------- databases

    @Override
    public List<Database> listDatabases() {
        return state.values().stream().map(DatabaseEntry::database).toList();
    }

    @Override
    public Optional<Database> getDatabase(String name) {
        return Optional.ofNullable(state.get(lower(name))).map(DatabaseEntry::database);
    }

    @Override
    public void createDatabase(Database database, boolean ifNotExists) {
        synchronized (writeLock) {
            if (state.containsKey(database.name())) {
                if (ifNotExists) {
                    return;
                }
                throw GlauxException.alreadyExists("Database '" + database.name() + "' already exists");
            }
            io(() -> {
                Files.createDirectories(layout.databaseFolder(database.name()));
                AtomicFiles.write(layout.databaseFile(database.name()), CatalogJson.write(database));
            });
            publish(database.name(), new DatabaseEntry(database, Map.of()));
        }
    }

    @Override
    public void dropDatabase(String name, boolean ifExists, boolean cascade) {
        String db = lower(name);
        synchronized (writeLock) {
            DatabaseEntry entry = state.get(db);
            if (entry == null) {
                if (ifExists) {
                    return;
                }
                throw databaseNotFound(db);
            }
            if (db.equals(DEFAULT_DATABASE)) {
                throw new GlauxException(ErrorType.DDL_TASK_FAILED, "Can not drop default database");
            }
            if (!entry.tables().isEmpty() && !cascade) {
                throw new GlauxException(ErrorType.DDL_TASK_FAILED,
                        "Database '" + db + "' is not empty. One or more tables exist.");
            }
            io(() -> {
                Path folder = layout.databaseFolder(db);
                Path doomed = layout.root().resolve(".dropped-" + UUID.randomUUID());
                Files.move(folder, doomed, StandardCopyOption.ATOMIC_MOVE);
                AtomicFiles.syncFolder(layout.root());
                deleteTree(doomed);
            });
            publish(db, null);
        }
    }

    // ---------------------------------------------------------------- tables

    @Override
    public List<TableDefinition> listTables(String database) {
        return existingDatabase(lower(database)).tables().values().stream().map(TableEntry::table).toList();
    }

    @Override
    public Optional<TableDefinition> getTable(String database, String table) {
        DatabaseEntry db = state.get(lower(database));
        return db == null ? Optional.empty()
                : Optional.ofNullable(db.tables().get(lower(table))).map(TableEntry::table);
    }

    @Override
    public void createTable(TableDefinition table, boolean ifNotExists) {
        synchronized (writeLock) {
            DatabaseEntry db = existingDatabase(table.database());
            TableEntry existing = db.tables().get(table.name());
            if (existing != null) {
                if (ifNotExists) {
                    return;
                }
                throw GlauxException.alreadyExists((existing.table().isView() ? "View '" : "Table '")
                        + table.database() + "." + table.name() + "' already exists");
            }
            io(() -> {
                // A partitions file left by a drop that crashed half-way must not come back with the new table.
                Files.deleteIfExists(layout.partitionsFile(table.database(), table.name()));
                AtomicFiles.write(layout.tableFile(table.database(), table.name()), CatalogJson.write(table));
            });
            publish(table.database(), db.withTable(table.name(), new TableEntry(table, new LinkedHashMap<>())));
        }
    }

    @Override
    public void replaceTable(TableDefinition table) {
        synchronized (writeLock) {
            DatabaseEntry db = existingDatabase(table.database());
            TableEntry existing = existingTable(db, table.name());
            boolean keepPartitions = existing.table().partitionKeys().size() == table.partitionKeys().size();
            io(() -> {
                if (!keepPartitions) {
                    Files.deleteIfExists(layout.partitionsFile(table.database(), table.name()));
                }
                AtomicFiles.write(layout.tableFile(table.database(), table.name()), CatalogJson.write(table));
            });
            Map<List<String>, Partition> partitions = keepPartitions ? existing.partitions() : Map.of();
            publish(table.database(), db.withTable(table.name(), new TableEntry(table, new LinkedHashMap<>(partitions))));
        }
    }

    @Override
    public void dropTable(String database, String table, boolean ifExists) {
        String dbName = lower(database);
        String name = lower(table);
        synchronized (writeLock) {
            DatabaseEntry db = state.get(dbName);
            if (db == null || !db.tables().containsKey(name)) {
                if (ifExists) {
                    return;
                }
                throw db == null ? databaseNotFound(dbName) : tableNotFound(dbName, name);
            }
            io(() -> {
                // The table file goes first: once it is gone the table is gone, whatever happens next.
                Files.delete(layout.tableFile(dbName, name));
                AtomicFiles.syncFolder(layout.tablesFolder(dbName));
                Files.deleteIfExists(layout.partitionsFile(dbName, name));
            });
            publish(dbName, db.withTable(name, null));
        }
    }

    // ---------------------------------------------------------------- partitions

    @Override
    public List<Partition> listPartitions(String database, String table) {
        return existingTable(existingDatabase(lower(database)), lower(table)).partitionList();
    }

    @Override
    public void addPartitions(String database, String table, List<Partition> partitions, boolean ifNotExists) {
        String dbName = lower(database);
        String name = lower(table);
        synchronized (writeLock) {
            DatabaseEntry db = existingDatabase(dbName);
            TableEntry entry = partitionedTable(db, name);
            Map<List<String>, Partition> updated = new LinkedHashMap<>(entry.partitions());
            for (Partition partition : partitions) {
                checkArity(entry.table(), partition.values());
                if (updated.containsKey(partition.values())) {
                    if (ifNotExists) {
                        continue;
                    }
                    throw GlauxException.alreadyExists("Partition '" + partitionName(entry.table(), partition.values())
                            + "' already exists in table '" + dbName + "." + name + "'");
                }
                updated.put(partition.values(), partition);
            }
            if (updated.size() == entry.partitions().size()) {
                return;
            }
            writePartitions(dbName, name, updated);
            publish(dbName, db.withTable(name, new TableEntry(entry.table(), updated)));
        }
    }

    @Override
    public void dropPartitions(String database, String table, List<List<String>> partitionValues, boolean ifExists) {
        String dbName = lower(database);
        String name = lower(table);
        synchronized (writeLock) {
            DatabaseEntry db = existingDatabase(dbName);
            TableEntry entry = partitionedTable(db, name);
            Map<List<String>, Partition> updated = new LinkedHashMap<>(entry.partitions());
            for (List<String> values : partitionValues) {
                checkArity(entry.table(), values);
                if (updated.remove(List.copyOf(values)) == null && !ifExists) {
                    throw GlauxException.notFound("Partition '" + partitionName(entry.table(), values)
                            + "' does not exist in table '" + dbName + "." + name + "'");
                }
            }
            if (updated.size() == entry.partitions().size()) {
                return;
            }
            writePartitions(dbName, name, updated);
            publish(dbName, db.withTable(name, new TableEntry(entry.table(), updated)));
        }
    }

    // ---------------------------------------------------------------- helpers

    private void writePartitions(String db, String table, Map<List<String>, Partition> partitions) {
        io(() -> AtomicFiles.write(layout.partitionsFile(db, table),
                CatalogJson.write(new ArrayList<>(partitions.values()))));
    }

    /** Replaces (or removes, when {@code entry} is null) one database in the published snapshot. */
    private void publish(String database, DatabaseEntry entry) {
        Map<String, DatabaseEntry> next = new TreeMap<>(state == null ? Map.of() : state);
        if (entry == null) {
            next.remove(database);
        } else {
            next.put(database, entry);
        }
        state = Collections.unmodifiableMap(next);
        // After the state: whoever reads the new version also sees the new state.
        version.incrementAndGet();
    }

    private DatabaseEntry existingDatabase(String db) {
        DatabaseEntry entry = state.get(db);
        if (entry == null) {
            throw databaseNotFound(db);
        }
        return entry;
    }

    private static TableEntry existingTable(DatabaseEntry db, String table) {
        TableEntry entry = db.tables().get(table);
        if (entry == null) {
            throw tableNotFound(db.database().name(), table);
        }
        return entry;
    }

    private static TableEntry partitionedTable(DatabaseEntry db, String table) {
        TableEntry entry = existingTable(db, table);
        String qualified = db.database().name() + "." + table;
        if (entry.table().isView()) {
            throw new GlauxException(ErrorType.DDL_TASK_FAILED, "'" + qualified + "' is a view, not a table");
        }
        if (entry.table().partitionKeys().isEmpty()) {
            throw new GlauxException(ErrorType.DDL_TASK_FAILED, "Table '" + qualified + "' is not partitioned");
        }
        return entry;
    }

    private static void checkArity(TableDefinition table, List<String> values) {
        if (values.size() != table.partitionKeys().size()) {
            throw new GlauxException(ErrorType.DDL_TASK_FAILED, "Partition values " + values + " do not match the "
                    + table.partitionKeys().size() + " partition keys of table '" + table.database() + "."
                    + table.name() + "'");
        }
    }

    private static String partitionName(TableDefinition table, List<String> values) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                name.append('/');
            }
            name.append(i < table.partitionKeys().size() ? table.partitionKeys().get(i).name() : "?")
                    .append('=').append(values.get(i));
        }
        return name.toString();
    }

    static GlauxException databaseNotFound(String db) {
        return GlauxException.notFound("Database '" + db + "' does not exist");
    }

    static GlauxException tableNotFound(String db, String table) {
        return GlauxException.notFound("Table '" + db + "." + table + "' does not exist");
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- loading

    private Map<String, DatabaseEntry> load() throws IOException {
        Map<String, DatabaseEntry> loaded = new TreeMap<>();
        try (Stream<Path> folders = Files.list(layout.root())) {
            for (Path folder : folders.sorted().toList()) {
                if (AtomicFiles.isTemporary(folder)) {
                    if (folder.getFileName().toString().startsWith(".dropped-") && Files.isDirectory(folder)) {
                        deleteTree(folder); // finishes a drop that was committed but interrupted
                    }
                    continue;
                }
                Path databaseFile = folder.resolve(CatalogLayout.DATABASE_FILE);
                if (!Files.isDirectory(folder) || !Files.isRegularFile(databaseFile)) {
                    continue; // a database whose creation did not complete
                }
                Database database = read(databaseFile, CatalogJson::readDatabase);
                loaded.put(database.name(), new DatabaseEntry(database, loadTables(database.name())));
            }
        }
        return loaded;
    }

    private Map<String, TableEntry> loadTables(String db) throws IOException {
        Map<String, TableEntry> tables = new TreeMap<>();
        Path folder = layout.tablesFolder(db);
        if (!Files.isDirectory(folder)) {
            return tables;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(CatalogLayout::isTableFile).sorted().toList()) {
                TableDefinition table = read(file, CatalogJson::readTable);
                Map<List<String>, Partition> partitions = new LinkedHashMap<>();
                Path partitionsFile = layout.partitionsFile(db, table.name());
                if (Files.isRegularFile(partitionsFile)) {
                    for (Partition p : read(partitionsFile, CatalogJson::readPartitions)) {
                        partitions.put(p.values(), p);
                    }
                }
                tables.put(table.name(), new TableEntry(table, partitions));
            }
        }
        return tables;
    }

    private interface Reader<T> {
        T read(byte[] json) throws IOException;
    }

    private static <T> T read(Path file, Reader<T> reader) {
        try {
            return reader.read(Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            throw new GlauxException(ErrorType.METASTORE_ERROR,
                    "Catalog file " + file + " is corrupt or unreadable: " + e.getMessage(), e);
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new GlauxException(ErrorType.METASTORE_ERROR, "Catalog write failed: " + e, e);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
