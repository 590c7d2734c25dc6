package io.glaux.s3.api;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the XML documents clients send (CreateBucketConfiguration, Delete, CompleteMultipartUpload, Tagging...) with
 * the JDK's parser, DTDs and external entities refused. Elements are matched by local name, with or without S3's
 * namespace. Anything not well-formed, or with another root element, is S3's MalformedXML.
 */
final class XmlInput {

    private static final DocumentBuilderFactory FACTORY = factory();

    private XmlInput() {
    }

    /** The root element of {@code body}, which must be named {@code root}. */
    static Element parse(byte[] body, String root) {
        if (body.length == 0) {
            throw S3Errors.malformedXml();
        }
        Element element;
        try {
            DocumentBuilder builder;
            synchronized (FACTORY) {
                builder = FACTORY.newDocumentBuilder();
            }
            builder.setErrorHandler(new DefaultHandler()); // silent: fatal errors throw, nothing is printed
            element = builder.parse(new InputSource(new ByteArrayInputStream(body))).getDocumentElement();
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw S3Errors.malformedXml();
        }
        if (!root.equals(name(element))) {
            throw S3Errors.malformedXml();
        }
        return element;
    }

    /** The element's children named {@code name}, in document order. */
    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(name(element))) {
                found.add(element);
            }
        }
        return found;
    }

    /** The first child named {@code name}, or null. */
    static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The text of the first child named {@code name}, or null when there is no such child. */
    static String text(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? null : child.getTextContent();
    }

    /** The element serialised on its own (no XML declaration), to be stored and answered back later. */
    static String serialize(Element element) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(element), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw S3Errors.malformedXml();
        }
    }

    private static String name(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser cannot be made safe", e);
        }
        return factory;
    }
}
