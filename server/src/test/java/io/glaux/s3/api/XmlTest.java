package io.glaux.s3.api;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XmlTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void documentsAreInS3sNamespaceWithEscapedTextAndS3Timestamps() {
        String xml = new String(XmlWriter.document("ListBucketResult").element("Name", "data")
                .start("Contents").element("Key", "a<b>&\"c\"\r\u0001").element("LastModified",
                        Instant.parse("2024-05-01T10:00:00Z")).element("Missing", null).end().bytes(),
                StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListBucketResult"
                + " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>data</Name>");
        assertThat(xml).contains("<Key>a&lt;b&gt;&amp;&quot;c&quot;&#xd;&#x1;</Key>")
                .contains("<LastModified>2024-05-01T10:00:00.000Z</LastModified>")
                .doesNotContain("Missing").endsWith("</Contents></ListBucketResult>");
    }

    @Test
    void errorDocumentsCarryCodeMessageDetailsResourceAndRequestId() {
        String xml = ErrorDocument.utf8(ErrorDocument.of(S3Errors.noSuchKey("a/b"), "/data/a/b", "REQ1"));
        assertThat(xml).contains("<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message>"
                + "<Key>a/b</Key><Resource>/data/a/b</Resource><RequestId>REQ1</RequestId></Error>");
    }

    @Test
    void requestDocumentsAreMatchedByLocalName() {
        Element delete = XmlInput.parse(utf8("<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Quiet>true</Quiet><Object><Key>a</Key></Object><Object><Key>b</Key><VersionId>null</VersionId>"
                + "</Object></Delete>"), "Delete");
        assertThat(XmlInput.text(delete, "Quiet")).isEqualTo("true");
        assertThat(XmlInput.children(delete, "Object")).hasSize(2);
        assertThat(XmlInput.text(XmlInput.children(delete, "Object").get(1), "VersionId")).isEqualTo("null");
        assertThat(XmlInput.parse(utf8("<Delete><Object><Key>x</Key></Object></Delete>"), "Delete")).isNotNull();
    }

    @Test
    void malformedDocumentsOtherRootsAndEntitiesAreMalformedXml() {
        for (String body : new String[] {"", "<Delete>", "<Other/>", "<?xml version=\"1.0\"?><!DOCTYPE d ["
                + "<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Delete><Object><Key>&x;</Key></Object></Delete>"}) {
            assertThatThrownBy(() -> XmlInput.parse(utf8(body), "Delete"))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.code()).isEqualTo("MalformedXML"));
        }
    }

    @Test
    void storedConfigurationsSerialiseBack() {
        Element lifecycle = XmlInput.parse(utf8("<?xml version=\"1.0\"?><LifecycleConfiguration xmlns=\""
                + XmlWriter.NAMESPACE + "\"><Rule><ID>r</ID><Status>Enabled</Status></Rule></LifecycleConfiguration>"),
                "LifecycleConfiguration");
        assertThat(XmlInput.serialize(lifecycle)).isEqualTo("<LifecycleConfiguration xmlns=\"" + XmlWriter.NAMESPACE
                + "\"><Rule><ID>r</ID><Status>Enabled</Status></Rule></LifecycleConfiguration>");
    }
}
