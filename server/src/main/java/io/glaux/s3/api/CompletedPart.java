package io.glaux.s3.api;

import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One {@code <Part>} of a CompleteMultipartUpload request: its number, ETag and any checksums the client listed. */
record CompletedPart(int partNumber, String etag, Map<String, String> checksums) {

    /**
     * The parts of a {@code <CompleteMultipartUpload>} document, checked to be 1 to 10000 in ascending order.
     *
     * @throws S3Exception MalformedXML, InvalidRequest (no part) or InvalidPartOrder
     */
    static List<CompletedPart> parse(Element document) {
        List<Element> elements = XmlInput.children(document, "Part");
        if (elements.isEmpty()) {
            throw S3Errors.invalidRequest("You must specify at least one part");
        }
        if (elements.size() > 10_000) {
            throw S3Errors.malformedXml();
        }
        List<CompletedPart> parts = new ArrayList<>();
        int previous = 0;
        for (Element element : elements) {
            String number = XmlInput.text(element, "PartNumber");
            String etag = XmlInput.text(element, "ETag");
            int partNumber;
            try {
                partNumber = Integer.parseInt(String.valueOf(number).trim());
            } catch (NumberFormatException e) {
                throw S3Errors.malformedXml();
            }
            if (etag == null) {
                throw S3Errors.malformedXml();
            }
            if (partNumber <= previous) {
                throw S3Errors.invalidPartOrder();
            }
            previous = partNumber;
            Map<String, String> checksums = new LinkedHashMap<>();
            for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
                String value = XmlInput.text(element, algorithm.element());
                if (value != null) {
                    checksums.put(algorithm.name(), value.trim());
                }
            }
            parts.add(new CompletedPart(partNumber, unquote(etag.trim()), checksums));
        }
        return parts;
    }

    static String unquote(String etag) {
        String tag = etag;
        if (tag.startsWith("&quot;") && tag.endsWith("&quot;") && tag.length() >= 12) {
            tag = tag.substring(6, tag.length() - 6);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        return tag;
    }
}
