package io.glaux.s3.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A satisfiable byte range of an object: {@code length} bytes from {@code first}. */
record ByteRange(long first, long length) {

    private static final Pattern RANGE = Pattern.compile("\\s*bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*");

    long last() {
        return first + length - 1;
    }

    /** {@code bytes first-last/size} for Content-Range. */
    String contentRange(long size) {
        return "bytes " + first + "-" + last() + "/" + size;
    }

    /**
     * The range a {@code Range} header asks of an object of {@code size} bytes: null when there is no header or S3
     * ignores it (not one {@code bytes=} range), else the range, clipped to the object.
     *
     * @throws S3Exception InvalidRange (416) when it starts past the end, or asks for the last 0 bytes
     */
    static ByteRange parse(String header, long size) {
        if (header == null) {
            return null;
        }
        Matcher m = RANGE.matcher(header);
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return null;
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0 || size == 0) {
                    throw S3Errors.invalidRange(size, header);
                }
                long length = Math.min(suffix, size);
                return new ByteRange(size - length, length);
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(m.group(2));
            if (last < first) {
                return null;
            }
            if (first >= size) {
                throw S3Errors.invalidRange(size, header);
            }
            return new ByteRange(first, Math.min(last, size - 1) - first + 1);
        } catch (NumberFormatException e) {
            return null; // beyond a long: not a range S3 could serve, ignored like any unparseable header
        }
    }
}
