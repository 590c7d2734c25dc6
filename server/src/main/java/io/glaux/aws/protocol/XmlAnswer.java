package io.glaux.aws.protocol;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.function.BiConsumer;

/**
 * The XML content of a query-protocol answer, built element by element: text members (escaped; null ones left
 * out), nested structures, and lists as the query protocol writes them ({@code <Users><member>...</member></Users>}).
 */
public final class XmlAnswer {

    private final StringBuilder xml = new StringBuilder();

    /** A text member; nothing when {@code value} is null. */
    public XmlAnswer add(String name, Object value) {
        if (value != null) {
            String text = value instanceof Instant instant ? instant.truncatedTo(ChronoUnit.SECONDS).toString()
                    : value.toString();
            xml.append('<').append(name).append('>').append(escape(text)).append("</").append(name).append('>');
        }
        return this;
    }

    /** A nested structure filled by {@code content}. */
    public XmlAnswer add(String name, XmlAnswer content) {
        xml.append('<').append(name).append('>').append(content.xml).append("</").append(name).append('>');
        return this;
    }

    /** A list member: each item a {@code <member>} filled by {@code writer}. */
    public <T> XmlAnswer list(String name, Collection<T> items, BiConsumer<XmlAnswer, T> writer) {
        XmlAnswer members = new XmlAnswer();
        for (T item : items) {
            XmlAnswer member = new XmlAnswer();
            writer.accept(member, item);
            members.add("member", member);
        }
        return add(name, members);
    }

    /** A list of text members. */
    public XmlAnswer strings(String name, Collection<String> items) {
        XmlAnswer members = new XmlAnswer();
        items.forEach(item -> members.add("member", item));
        return add(name, members);
    }

    @Override
    public String toString() {
        return xml.toString();
    }

    /** {@code text} as XML character data: {@code <}, {@code >}, {@code &} (and a carriage return) escaped. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\r' -> out.append("&#xD;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
