package io.glaux.sql.scan;

import io.glaux.storage.ObjectInfo;

/** Which objects under a table's location hold its rows. */
final class DataObjects {

    private DataObjects() {
    }

    /** Hive and Athena skip empty objects and files whose names start with '_' or '.' (e.g. _SUCCESS). */
    static boolean isData(ObjectInfo object) {
        String key = object.key();
        String name = key.substring(key.lastIndexOf('/') + 1);
        return object.size() > 0 && !name.isEmpty() && !name.startsWith("_") && !name.startsWith(".");
    }
}
