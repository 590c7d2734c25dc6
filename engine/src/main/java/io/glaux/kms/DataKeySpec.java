package io.glaux.kms;

/** The sizes of data key GenerateDataKey can name instead of a byte count (KMS's {@code DataKeySpec}). */
public enum DataKeySpec {
    AES_256(32),
    AES_128(16);

    private final int bytes;

    DataKeySpec(int bytes) {
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }
}
