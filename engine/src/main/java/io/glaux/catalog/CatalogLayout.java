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
 * form becomes {@code %XX}. An encoding longer than {@value #MAX_ENCODED} characters is cut to its first
 * {@value #KEPT} and followed by {@code ~} and the SHA-256 of the name, so that the file name, with the suffix and
 * the temporary-file decoration {@link AtomicFiles} adds, stays within the 255 bytes file systems allow (Athena's
 * names may have 255 characters). Encoded names never start with a dot, which is reserved for temporary entries.
 */
final class CatalogLayout {

    static final String DATABASE_FILE = "database.json";
    static final String TABLES = "tables";
    static final String PARTITIONS = "partitions";
    static final String JSON = ".json";
    static final int MAX_ENCODED = 150;
    static final int KEPT = 80;

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
        String encoded = percentEncode(name);
        if (encoded.length() <= MAX_ENCODED) {
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
