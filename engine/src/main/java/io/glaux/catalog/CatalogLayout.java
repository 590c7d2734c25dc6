package io.glaux.catalog;

import io.glaux.persist.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where {@link FileCatalog} keeps each object:
 * <pre>
 *   root/&lt;database&gt;/database.json
 *   root/&lt;database&gt;/tables/&lt;table&gt;.json
 *   root/&lt;database&gt;/partitions/&lt;table&gt;.json
 * </pre>
 * Names are encoded so that any name is a safe file name: {@code a-z 0-9 _ -} stay, every other byte of the UTF-8
 * form becomes {@code %XX}. An encoding too long for a file name is cut to its first {@value #KEPT} characters and
 * followed by {@code ~} and the SHA-256 of the name: over 255 characters for a database folder, over
 * {@value #MAX_FILE_STEM} for a table's files, whose name gets {@code .json} and, while written, the temporary-file
 * decoration of {@link AtomicFiles} (file systems allow 255 bytes; Athena's names may have 255 characters). Names
 * that fit keep their plain encoding, so catalogs written before stay readable and writable. Encoded names never
 * start with a dot, which is reserved for temporary entries.
 */
final class CatalogLayout {

    static final String DATABASE_FILE = "database.json";
    static final String TABLES = "tables";
    static final String PARTITIONS = "partitions";
    static final String JSON = ".json";
    /** The longest file name most file systems allow, in bytes. */
    static final int MAX_NAME = 255;
    /** {@code .<stem>.json.<uuid>.tmp}, AtomicFiles' temporary name, must fit {@link #MAX_NAME}. */
    static final int MAX_FILE_STEM = MAX_NAME - ".".length() - JSON.length() - ".".length() - 36 - ".tmp".length();
    static final int KEPT = 80;

    private final Path root;

    CatalogLayout(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path databaseFolder(String database) {
        return root.resolve(encode(database, MAX_NAME));
    }

    Path databaseFile(String database) {
        return databaseFolder(database).resolve(DATABASE_FILE);
    }

    Path tablesFolder(String database) {
        return databaseFolder(database).resolve(TABLES);
    }

    Path tableFile(String database, String table) {
        return tablesFolder(database).resolve(encode(table, MAX_FILE_STEM) + JSON);
    }

    Path partitionsFolder(String database) {
        return databaseFolder(database).resolve(PARTITIONS);
    }

    Path partitionsFile(String database, String table) {
        return partitionsFolder(database).resolve(encode(table, MAX_FILE_STEM) + JSON);
    }

    /** Whether a file found in a {@code tables/} folder is a table file (not a stray temporary file). */
    static boolean isTableFile(Path file) {
        return file.getFileName().toString().endsWith(JSON) && !AtomicFiles.isTemporary(file);
    }

    static String encode(String name, int maxLength) {
        String encoded = percentEncode(name);
        if (encoded.length() <= maxLength) {
            return encoded;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return encoded.substring(0, KEPT) + "~" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static String percentEncode(String name) {
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
