package io.glaux.s3.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes S3's response documents: {@code <?xml ...?><Root xmlns="http://s3.amazonaws.com/doc/2006-03-01/">...}.
 * Elements with a null value are left out; text is escaped, control characters as character references (as S3 does;
 * clients that need them exact ask for {@code encoding-type=url}).
 */
final class XmlWriter {

    static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final StringBuilder xml = new StringBuilder(256);
    private final Deque<String> open = new ArrayDeque<>();

    private XmlWriter() {
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }

    /** A document whose root element is in S3's namespace. */
    static XmlWriter document(String root) {
        XmlWriter writer = new XmlWriter();
        writer.xml.append('<').append(root).append(" xmlns=\"").append(NAMESPACE).append("\">");
        writer.open.push(root);
        return writer;
    }

    /** A document whose root element has no namespace (S3's {@code <Error>}). */
    static XmlWriter plainDocument(String root) {
        XmlWriter writer = new XmlWriter();
        writer.xml.append('<').append(root).append('>');
        writer.open.push(root);
        return writer;
    }

    XmlWriter start(String name) {
        xml.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    /** Starts an element with attributes given as name, value pairs. */
    XmlWriter start(String name, String... attributes) {
        xml.append('<').append(name);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            xml.append(' ').append(attributes[i]).append("=\"");
            escape(attributes[i + 1]);
            xml.append('"');
        }
        xml.append('>');
        open.push(name);
        return this;
    }

    XmlWriter end() {
        xml.append("</").append(open.pop()).append('>');
        return this;
    }

    /** {@code <name>value</name>}, or nothing when value is null. Instants are written as S3's timestamps. */
    XmlWriter element(String name, Object value) {
        if (value == null) {
            return this;
        }
        String text = value instanceof Instant instant ? timestamp(instant) : String.valueOf(value);
        xml.append('<').append(name).append('>');
        escape(text);
        xml.append("</").append(name).append('>');
        return this;
    }

    /** Escaped text inside the current element. */
    XmlWriter text(String text) {
        escape(text);
        return this;
    }

    /** Appends an already serialised, well-formed fragment (a stored configuration's elements). */
    XmlWriter raw(String fragment) {
        xml.append(fragment);
        return this;
    }

    /** Closes the open elements and returns the document. */
    byte[] bytes() {
        while (!open.isEmpty()) {
            end();
        }
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '"' -> xml.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' || c == '\r') {
                        xml.append("&#x").append(Integer.toHexString(c)).append(';');
                    } else {
                        xml.append(c);
                    }
                }
            }
        }
    }
}
