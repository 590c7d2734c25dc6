package io.glaux.s3.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** S3's error document: {@code <Error><Code/><Message/>...<Resource/><RequestId/></Error>}. */
public final class ErrorDocument {

    private ErrorDocument() {
    }

    static byte[] of(S3Exception error, String resource, String requestId) {
        XmlWriter xml = XmlWriter.plainDocument("Error").element("Code", error.code())
                .element("Message", error.getMessage());
        error.details().forEach(xml::element);
        return xml.element("Resource", resource).element("RequestId", requestId).bytes();
    }

    static void write(S3Response response, S3Exception error, String resource, String requestId, boolean head)
            throws IOException {
        if (head) {
            // A HEAD answer has no body: the status (and the request id) is all a client gets, as from S3.
            response.http().setStatus(error.status());
            return;
        }
        response.xml(error.status(), of(error, resource, requestId));
    }

    /**
     * An error document for failures before a request reaches the endpoint (the HTTP server's own: a URI it cannot
     * parse, headers too large): {@code status} mapped to S3's nearest code.
     */
    public static byte[] forHttpStatus(int status, String resource, String requestId) {
        S3Exception error = switch (status) {
            case 400 -> S3Errors.invalidUri(resource);
            case 405 -> S3Errors.methodNotAllowed("", "");
            case 411 -> S3Errors.missingContentLength();
            case 413 -> new S3Exception(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed"
                    + " object size.");
            case 414 -> new S3Exception(400, "KeyTooLongError", "Your key is too long.");
            case 431 -> new S3Exception(400, "RequestHeaderSectionTooLarge", "Your request header section exceeds"
                    + " the maximum allowed size.");
            case 503 -> new S3Exception(503, "ServiceUnavailable", "Service is unable to handle request.");
            default -> status >= 500 ? new S3Exception(500, "InternalError", "We encountered an internal error."
                    + " Please try again.") : new S3Exception(status, "InvalidRequest", "Invalid Request");
        };
        return of(error, resource, requestId);
    }

    /** The S3 status matching an HTTP server error status (S3 answers 400 where HTTP servers say 413/414/431). */
    public static int s3Status(int status) {
        return switch (status) {
            case 413, 414, 431 -> 400;
            default -> status;
        };
    }

    static String utf8(byte[] document) {
        return new String(document, StandardCharsets.UTF_8);
    }
}
