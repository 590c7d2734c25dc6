package io.glaux.catalog;

import io.glaux.persist.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where {@link FileCatalog} keeps each object:
 * <pre>
 *   root/&lt;database&gt;/database.json
 *   root/&lt;database&gt;/tables/&lt;table&gt;.json
 *   root/&lt;database&gt;/partitions/&lt;table&gt;.json
 * </pre>
 * Names are encoded so that any name is a safe file name: {@code a-z 0-9 _ -} stay, every other byte of the UTF-8
 * form becomes {@code %XX}. Encoded names never start with a dot, which is reserved for temporary entries.
 */
final class CatalogLayout {

    static final String DATABASE_FILE = "database.json";
    static final String TABLES = "tables";
    static final String PARTITIONS = "partitions";
    static final String JSON = ".json";

    private final Path root;

    CatalogLayout(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path databaseFolder(String database) {
        return root.resolve(encode(database));
    }

    Path databaseFile(String database) {
        return databaseFolder(database).resolve(DATABASE_FILE);
    }

    Path tablesFolder(String database) {
        return databaseFolder(database).resolve(TABLES);
    }

    Path tableFile(String database, String table) {
        return tablesFolder(database).resolve(encode(table) + JSON);
    }

    Path partitionsFolder(String database) {
        return databaseFolder(database).resolve(PARTITIONS);
    }

    Path partitionsFile(String database, String table) {
        return partitionsFolder(database).resolve(encode(table) + JSON);
    }

    /** Whether a file found in a {@code tables/} folder is a table file (not a stray temporary file). */
    static boolean isTableFile(Path file) {
        return file.getFileName().toString().endsWith(JSON) && !AtomicFiles.isTemporary(file);
    }

    static String encode(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
