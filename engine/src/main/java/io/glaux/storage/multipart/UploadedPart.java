package io.glaux.storage.multipart;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One staged part: its number (1..10000), ETag (the MD5 of its bytes in hex, without quotes), size, when it was
 * uploaded, the checksums it was verified against (algorithm → base64 value) and the file holding its bytes.
 */
public record UploadedPart(int partNumber, String etag, long size, Instant lastModified,
        Map<String, String> checksums, String file) {

    public UploadedPart {
        checksums = checksums == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(checksums));
    }
}
