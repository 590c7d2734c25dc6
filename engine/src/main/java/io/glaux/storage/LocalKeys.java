package io.glaux.storage;

/** The keys a folder can hold faithfully: valid S3 keys without empty segments or a trailing '/'. */
final class LocalKeys {

    private LocalKeys() {
    }

    static void validate(String key) {
        ObjectKeys.validate(key);
        if (key.endsWith("/")) {
            throw new InvalidKeyException("Object key '" + key
                    + "' ends with '/': a folder-backed store keeps objects as files and cannot hold folder markers");
        }
        if (key.contains("//")) {
            throw new InvalidKeyException("Object key '" + key
                    + "' has an empty segment ('//'): a folder-backed store cannot hold it");
        }
    }

    static boolean isValid(String key) {
        try {
            validate(key);
            return true;
        } catch (InvalidKeyException e) {
            return false;
        }
    }
}
