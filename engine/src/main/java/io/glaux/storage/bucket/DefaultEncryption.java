package io.glaux.storage.bucket;

import io.glaux.storage.crypto.ObjectEncryption;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A bucket's default encryption: what its stored {@code ServerSideEncryptionConfiguration} (PutBucketEncryption)
 * applies to an object written without encryption headers — its first rule's {@code SSEAlgorithm} and
 * {@code KMSMasterKeyID} — or SSE-S3 when none is configured, as S3 does for every bucket since January 2023.
 * ({@code aws:kms:dsse} is applied as {@code aws:kms}: Glaux has one layer of encryption.)
 */
public final class DefaultEncryption {

    private DefaultEncryption() {
    }

    /** The encryption the configuration applies; SSE-S3 for null (none configured). */
    public static ObjectEncryption of(String configuration) {
        if (configuration == null || configuration.isBlank()) {
            return ObjectEncryption.sseS3();
        }
        Element root = parse(configuration);
        String algorithm = firstText(root, "SSEAlgorithm");
        if (algorithm == null || algorithm.equals(ObjectEncryption.AES256)) {
            return ObjectEncryption.sseS3();
        }
        String keyId = firstText(root, "KMSMasterKeyID");
        return ObjectEncryption.sseKms(keyId == null || keyId.isBlank() ? null : keyId.trim(), Map.of());
    }

    private static String firstText(Element root, String name) {
        NodeList nodes = root.getElementsByTagNameNS("*", name);
        if (nodes.getLength() == 0) {
            nodes = root.getElementsByTagName(name);
        }
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    private static Element parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("The bucket's stored encryption configuration is not XML", e);
        }
    }
}
