package io.glaux.s3.api;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.OutputStream;

/** The answer to one S3 request: headers, then an XML document, an empty body or a stream of object bytes. */
final class S3Response {

    private final HttpServletResponse http;
    private final boolean head;

    S3Response(HttpServletResponse http, boolean head) {
        this.http = http;
        this.head = head;
    }

    HttpServletResponse http() {
        return http;
    }

    /** Sets a header; a null value leaves it out. */
    S3Response header(String name, String value) {
        if (value != null) {
            http.setHeader(name, value);
        }
        return this;
    }

    /** 200 with an XML document. */
    void xml(XmlWriter document) throws IOException {
        xml(200, document.bytes());
    }

    void xml(int status, byte[] document) throws IOException {
        http.setStatus(status);
        http.setContentType("application/xml");
        http.setContentLength(document.length);
        if (!head) {
            http.getOutputStream().write(document);
        }
    }

    /** A status without a body (200, 204, 304). */
    void empty(int status) {
        http.setStatus(status);
        if (status != 304 && status != 204) {
            http.setContentLength(0);
        }
    }

    /** Starts a body of exactly {@code length} bytes; a HEAD request gets the headers only (null is returned). */
    OutputStream body(int status, long length) throws IOException {
        http.setStatus(status);
        http.setContentLengthLong(length);
        return head ? null : http.getOutputStream();
    }
}
