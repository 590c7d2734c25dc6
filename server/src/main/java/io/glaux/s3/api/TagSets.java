package io.glaux.s3.api;

import org.w3c.dom.Element;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Tag sets of objects and buckets: S3's rules, the {@code x-amz-tagging} header and the {@code <Tagging>} document. */
final class TagSets {

    static final int OBJECT_LIMIT = 10;
    static final int BUCKET_LIMIT = 50;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private TagSets() {
    }

    /** The tags of an {@code x-amz-tagging} header ({@code k1=v1&k2=v2}, URL-encoded), empty when absent. */
    static Map<String, String> fromHeader(String header) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (header == null || header.isEmpty()) {
            return tags;
        }
        for (String pair : header.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = S3Request.decode(equals < 0 ? pair : pair.substring(0, equals), true, header);
            String value = equals < 0 ? "" : S3Request.decode(pair.substring(equals + 1), true, header);
            put(tags, key, value);
        }
        check(tags, OBJECT_LIMIT, "Object tags cannot be greater than " + OBJECT_LIMIT);
        return tags;
    }

    /** The tags of a {@code <Tagging><TagSet><Tag><Key/><Value/></Tag>...} document. */
    static Map<String, String> fromXml(byte[] body, int limit, String tooMany) {
        Element tagging = XmlInput.parse(body, "Tagging");
        Element set = XmlInput.child(tagging, "TagSet");
        if (set == null) {
            throw S3Errors.malformedXml();
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (Element tag : XmlInput.children(set, "Tag")) {
            String key = XmlInput.text(tag, "Key");
            String value = XmlInput.text(tag, "Value");
            if (key == null || value == null) {
                throw S3Errors.malformedXml();
            }
            put(tags, key, value);
        }
        check(tags, limit, tooMany);
        return tags;
    }

    /** {@code <Tagging><TagSet>...</TagSet></Tagging>}. */
    static XmlWriter toXml(Map<String, String> tags) {
        XmlWriter xml = XmlWriter.document("Tagging").start("TagSet");
        tags.forEach((key, value) -> xml.start("Tag").element("Key", key).element("Value", value).end());
        return xml;
    }

    private static void put(Map<String, String> tags, String key, String value) {
        if (tags.put(key, value) != null) {
            throw S3Errors.invalidTag("Cannot provide multiple Tags with the same key").with("TagKey", key);
        }
    }

    private static void check(Map<String, String> tags, int limit, String tooMany) {
        if (tags.size() > limit) {
            throw S3Errors.invalidTag(tooMany);
        }
        tags.forEach((key, value) -> {
            if (key.isEmpty() || key.codePointCount(0, key.length()) > 128 || !ALLOWED.matcher(key).matches()) {
                throw S3Errors.invalidTag("The TagKey you have provided is invalid").with("TagKey", key);
            }
            if (key.startsWith("aws:")) {
                throw S3Errors.invalidTag("Your TagKey cannot be prefixed with aws:").with("TagKey", key);
            }
            if (value.codePointCount(0, value.length()) > 256 || !ALLOWED.matcher(value).matches()) {
                throw S3Errors.invalidTag("The TagValue you have provided is invalid").with("TagKey", key)
                        .with("TagValue", value);
            }
        });
    }
}
