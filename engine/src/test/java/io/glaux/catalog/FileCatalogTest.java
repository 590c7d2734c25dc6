package io.glaux.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCatalogTest {

    @TempDir
    Path folder;

    static TableDefinition table(String db, String name, List<Column> partitionKeys) {
        StorageDescriptor storage = new StorageDescriptor("s3://bucket/" + name.toLowerCase() + "/", DataFormat.CSV,
                StorageDescriptor.LAZY_SIMPLE_SERDE, StorageDescriptor.TEXT_INPUT_FORMAT,
                StorageDescriptor.TEXT_OUTPUT_FORMAT, Map.of("field.delim", ",", "serialization.format", ","));
        return new TableDefinition(db, name, TableKind.EXTERNAL_TABLE,
                List.of(new Column("id", AthenaType.INT), new Column("tags", AthenaType.parse("array<string>"), "t")),
                partitionKeys, storage, Map.of("skip.header.line.count", "1"), null,
                Instant.parse("2024-01-02T03:04:05Z"));
    }

    static TableDefinition view(String db, String name) {
        return new TableDefinition(db, name, TableKind.VIRTUAL_VIEW, List.of(new Column("x", AthenaType.BIGINT)),
                null, null, Map.of(), "SELECT 1 AS x", Instant.parse("2024-01-02T03:04:05Z"));
    }

    static final List<Column> DT = List.of(new Column("dt", AthenaType.STRING));

    @Test
    void defaultDatabaseExistsOnFirstStart() {
        FileCatalog catalog = new FileCatalog(folder.resolve("catalog"));
        assertThat(catalog.listDatabases()).extracting(Database::name).containsExactly("default");
        assertThat(Files.exists(folder.resolve("catalog/default/database.json"))).isTrue();
    }

    @Test
    void everythingSurvivesARestart() {
        FileCatalog catalog = new FileCatalog(folder);
        catalog.createDatabase(new Database("Sales", "the sales", "s3://b/sales/", Map.of("k", "v")), false);
        catalog.createTable(table("sales", "Orders", DT), false);
        catalog.createTable(view("sales", "recent"), false);
        catalog.addPartitions("sales", "orders", List.of(new Partition(List.of("2024-01-01"), "s3://bucket/orders/dt=2024-01-01/")), false);

        FileCatalog reopened = new FileCatalog(folder);
        assertThat(reopened.getDatabase("SALES")).contains(
                new Database("sales", "the sales", "s3://b/sales/", Map.of("k", "v")));
        assertThat(reopened.getTable("sales", "ORDERS")).contains(table("sales", "orders", DT));
        assertThat(reopened.getTable("sales", "recent")).contains(view("sales", "recent"));
        assertThat(reopened.listPartitions("sales", "orders")).containsExactly(
                new Partition(List.of("2024-01-01"), "s3://bucket/orders/dt=2024-01-01/"));
        assertThat(reopened.listTables("sales")).extracting(TableDefinition::name).containsExactly("orders", "recent");
    }

    @Test
    void namesAreCaseInsensitiveAndStoredLowerCase() {
        FileCatalog catalog = new FileCatalog(folder);
        catalog.createDatabase(Database.named("MyDb"), false);
        assertThat(catalog.getDatabase("mydb")).isPresent();
        assertThatThrownBy(() -> catalog.createDatabase(Database.named("MYDB"), false))
                .isInstanceOf(GlauxException.class).hasMessage("Database 'mydb' already exists")
                .extracting(e -> ((GlauxException) e).type()).isEqualTo(ErrorType.ALREADY_EXISTS);
        catalog.createDatabase(Database.named("MYDB"), true);
    }

    @Test
    void missingObjectsAreNotFoundWithAthenaMessages() {
        FileCatalog catalog = new FileCatalog(folder);
        assertThat(catalog.getDatabase("nope")).isEmpty();
        assertThat(catalog.getTable("nope", "t")).isEmpty();
        assertThatThrownBy(() -> catalog.listTables("nope")).hasMessage("Database 'nope' does not exist")
                .extracting(e -> ((GlauxException) e).type()).isEqualTo(ErrorType.NOT_FOUND);
        assertThatThrownBy(() -> catalog.dropTable("default", "t", false)).hasMessage("Table 'default.t' does not exist");
        assertThatThrownBy(() -> catalog.replaceTable(table("default", "t", null)))
                .hasMessage("Table 'default.t' does not exist");
        assertThatThrownBy(() -> catalog.createTable(table("nope", "t", null), false))
                .hasMessage("Database 'nope' does not exist");
        assertThatThrownBy(() -> catalog.dropDatabase("nope", false, false)).hasMessage("Database 'nope' does not exist");
        catalog.dropDatabase("nope", true, false);
        catalog.dropTable("default", "t", true);
    }

    @Test
    void creatingAnExistingTableFailsUnlessIfNotExists() {
        FileCatalog catalog = new FileCatalog(folder);
        catalog.createTable(table("default", "t", null), false);
        assertThatThrownBy(() -> catalog.createTable(table("default", "T", null), false))
                .hasMessage("Table 'default.t' already exists")
                .extracting(e -> ((GlauxException) e).type()).isEqualTo(ErrorType.ALREADY_EXISTS);
        catalog.createTable(table("default", "t", DT), true);
        assertThat(catalog.getTable("default", "t").orElseThrow().partitionKeys()).isEmpty();
    }

    @Test
    void droppingANonEmptyDatabaseNeedsCascade() {
        FileCatalog catalog = new FileCatalog(folder);
        catalog.createDatabase(Database.named("db"), false);
        catalog.createTable(table("db", "t", DT), false);
        catalog.addPartitions("db", "t", List.of(new Partition(List.of("1"), "s3://bucket/t/dt=1/")), false);
        assertThatThrownBy(() -> catalog.dropDatabase("db", false, false))
                .hasMessage("Database 'db' is not empty. One or more tables exist.")
                .extracting(e -> ((GlauxException) e).type()).isEqualTo(ErrorType.DDL_TASK_FAILED);
        catalog.dropDatabase("DB", false, true);
        assertThat(catalog.getDatabase("db")).isEmpty();
        assertThat(new FileCatalog(folder).getDatabase("db")).isEmpty();
        catalog.createDatabase(Database.named("db"), false);
        assertThat(catalog.listTables("db")).isEmpty();
    }

    @Test
    void theDefaultDatabaseCannotBeDropped() {
        FileCatalog catalog = new FileCatalog(folder);
        assertThatThrownBy(() -> catalog.dropDatabase("default", false, true))
                .hasMessage("Can not drop default database");
    }

    @Test
    void droppedTableLosesItsPartitionsAndStaysDroppedAfterRestart() {
        FileCatalog catalog = new FileCatalog(folder);
        catalog.createTable(table("default", "t", DT), false);
        catalog.addPartitions("default", "t", List.of(new Partition(List.of("1"), "s3://bucket/t/dt=1/")), false);
        catalog.dropTable("default", "t", false);
        assertThat(new FileCatalog(folder).getTable("default", "t")).isEmpty();
        catalog.createTable(table("default", "t", DT), false);
        assertThat(catalog.listPartitions("default", "t")).isEmpty();
        assertThat(new FileCatalog(folder).listPartitions("default", "t")).isEmpty();
    }

    @Test
    void replacingATableKeepsItsPartitions() {
        FileCatalog catalog = new FileCatalog(folder);
        catalog.createTable(table("default", "t", DT), false);
        catalog.addPartitions("default", "t", List.of(new Partition(List.of("1"), "s3://bucket/t/dt=1/")), false);
        TableDefinition wider = table("default", "t", DT).withColumns(List.of(new Column("id", AthenaType.BIGINT)));
        catalog.replaceTable(wider);
        FileCatalog reopened = new FileCatalog(folder);
        assertThat(reopened.getTable("default", "t")).contains(wider);
        assertThat(reopened.listPartitions("default", "t")).hasSize(1);
    }

    @Test
    void partitionsAreAddedAndDroppedWithIfExistsRules() {
        FileCatalog catalog = new FileCatalog(folder);
        catalog.createTable(table("default", "t", DT), false);
        Partition one = new Partition(List.of("1"), "s3://bucket/t/dt=1/");
        Partition two = new Partition(List.of("2"), "s3://bucket/t/dt=2/");
        catalog.addPartitions("default", "t", List.of(one), false);
        assertThatThrownBy(() -> catalog.addPartitions("default", "t", List.of(two, one), false))
                .hasMessage("Partition 'dt=1' already exists in table 'default.t'");
        assertThat(catalog.listPartitions("default", "t")).containsExactly(one); // all or nothing
        catalog.addPartitions("default", "t", List.of(two, new Partition(List.of("1"), "s3://elsewhere/")), true);
        assertThat(catalog.listPartitions("default", "t")).containsExactly(one, two);
        assertThatThrownBy(() -> catalog.addPartitions("default", "t", List.of(new Partition(List.of("1", "x"), "s3://b/")), true))
                .hasMessageContaining("do not match the 1 partition keys");
        assertThatThrownBy(() -> catalog.dropPartitions("default", "t", List.of(List.of("3")), false))
                .hasMessage("Partition 'dt=3' does not exist in table 'default.t'");
        catalog.dropPartitions("default", "t", List.of(List.of("3"), List.of("1")), true);
        assertThat(new FileCatalog(folder).listPartitions("default", "t")).containsExactly(two);
    }

    @Test
    void partitionsNeedAPartitionedTable() {
        FileCatalog catalog = new FileCatalog(folder);
        catalog.createTable(table("default", "flat", null), false);
        catalog.createTable(view("default", "v"), false);
        assertThatThrownBy(() -> catalog.addPartitions("default", "flat", List.of(new Partition(List.of("1"), "s3://b/")), false))
                .hasMessage("Table 'default.flat' is not partitioned");
        assertThatThrownBy(() -> catalog.listPartitions("default", "missing")).hasMessage("Table 'default.missing' does not exist");
        assertThatThrownBy(() -> catalog.addPartitions("default", "v", List.of(new Partition(List.of("1"), "s3://b/")), false))
                .hasMessage("'default.v' is a view, not a table");
    }

    @Test
    void addingOnePartitionRewritesOnlyThatTablesPartitionFile() throws Exception {
        FileCatalog catalog = new FileCatalog(folder);
        catalog.createTable(table("default", "big", DT), false);
        catalog.createTable(table("default", "other", DT), false);
        List<Partition> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            many.add(new Partition(List.of("v" + i), "s3://bucket/big/dt=v" + i + "/"));
        }
        catalog.addPartitions("default", "big", many, false);
        catalog.addPartitions("default", "other", List.of(new Partition(List.of("x"), "s3://bucket/other/dt=x/")), false);
        Map<Path, Long> before = modificationTimes();
        Thread.sleep(20);
        catalog.addPartitions("default", "big", List.of(new Partition(List.of("new"), "s3://bucket/big/dt=new/")), false);
        Map<Path, Long> after = modificationTimes();
        List<Path> changed = after.keySet().stream()
                .filter(p -> !after.get(p).equals(before.get(p))).toList();
        assertThat(changed).containsExactly(folder.resolve("default/partitions/big.json"));
        assertThat(new FileCatalog(folder).listPartitions("default", "big")).hasSize(10_001);
    }

    private Map<Path, Long> modificationTimes() throws Exception {
        Map<Path, Long> times = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                times.put(p, Files.getLastModifiedTime(p).toMillis() * 1_000_000 + Files.readAllBytes(p).length);
            }
        }
        return times;
    }

    @Test
    void strayTemporaryFilesFromAnInterruptedWriteAreIgnored() throws Exception {
        FileCatalog catalog = new FileCatalog(folder);
        catalog.createTable(table("default", "t", DT), false);
        catalog.addPartitions("default", "t", List.of(new Partition(List.of("1"), "s3://bucket/t/dt=1/")), false);
        // What a crash between writing the temporary file and renaming it leaves behind:
        Files.writeString(folder.resolve("default/tables/.t.json.0123.tmp"), "{\"version\":1, \"name\": \"half");
        Files.writeString(folder.resolve("default/partitions/.t.json.4567.tmp"), "{\"version\":1,\"partitions\":[]}");
        Files.writeString(folder.resolve("default/tables/.other.json.89.tmp"), "{");
        Files.createDirectories(folder.resolve("halfmade")); // a database folder whose file was never written

        FileCatalog reopened = new FileCatalog(folder);
        assertThat(reopened.listTables("default")).extracting(TableDefinition::name).containsExactly("t");
        assertThat(reopened.listPartitions("default", "t")).hasSize(1);
        assertThat(reopened.listDatabases()).extracting(Database::name).containsExactly("default");
    }

    @Test
    void writesLeaveNoTemporaryFilesBehind() throws Exception {
        FileCatalog catalog = new FileCatalog(folder);
        catalog.createTable(table("default", "t", DT), false);
        catalog.addPartitions("default", "t", List.of(new Partition(List.of("1"), "s3://bucket/t/dt=1/")), false);
        try (Stream<Path> files = Files.walk(folder)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void aCorruptFileIsReportedByName() throws Exception {
        FileCatalog catalog = new FileCatalog(folder);
        catalog.createTable(table("default", "t", null), false);
        Path file = folder.resolve("default/tables/t.json");
        Files.writeString(file, "{\"version\": 1, \"name\": ", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new FileCatalog(folder))
                .isInstanceOf(GlauxException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("corrupt");
    }

    @Test
    void oddNamesMakeSafeFileNames() {
        FileCatalog catalog = new FileCatalog(folder);
        catalog.createDatabase(Database.named("../we ird"), false);
        catalog.createTable(table("../we ird", "a.b/c", null), false);
        assertThat(Files.exists(folder.resolve("%2E%2E%2Fwe%20ird/tables/a%2Eb%2Fc.json"))).isTrue();
        assertThat(new FileCatalog(folder).getTable("../WE IRD", "A.B/C")).isPresent();
    }

    @Test
    void longNamesMakeShortEnoughFileNamesThatStillTellNamesApart() throws Exception {
        FileCatalog catalog = new FileCatalog(folder);
        String database = "d".repeat(255);
        String table = "t".repeat(255);
        String odd = "../".repeat(200);
        String wide = "é".repeat(34); // 204 characters encoded: a plain file name before, and still
        catalog.createDatabase(Database.named(database), false);
        catalog.createTable(table(database, table, DT), false);
        catalog.createTable(table(database, table.substring(1) + "u", DT), false);
        catalog.createTable(table(database, odd, null), false);
        catalog.createTable(table(database, wide, null), false);
        catalog.addPartitions(database, table, List.of(new Partition(List.of("1"), "s3://bucket/t/dt=1/")), false);
        try (Stream<Path> files = Files.walk(folder)) {
            assertThat(files.filter(p -> !p.equals(folder)).map(p -> p.getFileName().toString()))
                    .allMatch(name -> name.getBytes(StandardCharsets.UTF_8).length <= 255)
                    .filteredOn(name -> name.endsWith(".json"))
                    .allMatch(name -> name.length() <= 255 - 42)
                    .contains("%C3%A9".repeat(34) + ".json");
        }
        FileCatalog reopened = new FileCatalog(folder);
        assertThat(reopened.listTables(database)).extracting(TableDefinition::name)
                .containsExactlyInAnyOrder(table, table.substring(1) + "u", odd, wide);
        assertThat(reopened.listPartitions(database, table)).hasSize(1);
        assertThat(reopened.listPartitions(database, table.substring(1) + "u")).isEmpty();
        reopened.dropTable(database, table, false);
        reopened.dropDatabase(database, false, true);
        assertThat(new FileCatalog(folder).listDatabases()).extracting(Database::name).containsExactly("default");
    }

    @Test
    void readersSeeConsistentStateWhileAnotherThreadAddsPartitions() throws Exception {
        FileCatalog catalog = new FileCatalog(folder);
        catalog.createTable(table("default", "t", DT), false);
        AtomicBoolean done = new AtomicBoolean();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            Thread reader = new Thread(() -> {
                int last = 0;
                while (!done.get()) {
                    try {
                        int size = catalog.listPartitions("default", "t").size();
                        if (size < last) {
                            failures.add(new AssertionError("partition count went back from " + last + " to " + size));
                        }
                        last = size;
                        if (catalog.getTable("default", "t").isEmpty()) {
                            failures.add(new AssertionError("table vanished"));
                        }
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }
            });
            reader.start();
            readers.add(reader);
        }
        for (int i = 0; i < 200; i++) {
            catalog.addPartitions("default", "t", List.of(new Partition(List.of("p" + i), "s3://bucket/t/dt=p" + i + "/")), false);
        }
        done.set(true);
        for (Thread reader : readers) {
            reader.join();
        }
        assertThat(failures).isEmpty();
        assertThat(catalog.listPartitions("default", "t")).hasSize(200);
        assertThat(new FileCatalog(folder).listPartitions("default", "t")).hasSize(200);
    }
}
