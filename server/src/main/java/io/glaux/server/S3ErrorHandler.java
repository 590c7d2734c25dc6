package io.glaux.server;

import io.glaux.s3.api.ErrorDocument;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Jetty's own error answers (a URI it cannot parse, headers too large, a bad request line) written as S3's XML for
 * requests signed for S3 and for requests whose service cannot be told, so an S3 client never gets an HTML page.
 * Other services' requests keep Jetty's answer, without stack traces.
 */
final class S3ErrorHandler extends ErrorHandler {

    private final SecureRandom random = new SecureRandom();

    S3ErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
        setShowOrigin(false);
        setShowMessageInTitle(false);
    }

    /** Every method gets an error document (Jetty writes bodies for GET, POST and HEAD only by default). */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    /** Errors found before there is a request (the parser's): the service is unknown, so S3's XML. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String requestId = requestId();
        fields.put(HttpHeader.CONTENT_TYPE, "application/xml");
        fields.put("x-amz-request-id", requestId);
        return ByteBuffer.wrap(ErrorDocument.forHttpStatus(status, "", requestId));
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) throws IOException {
        String service = ServiceRouter.service(name -> request.getHeaders().get(name),
                request.getHttpURI().getQuery());
        if (service != null && !service.equals("s3")) {
            super.generateResponse(request, response, code, message, cause, callback);
            return;
        }
        String requestId = requestId();
        byte[] document = ErrorDocument.forHttpStatus(code, request.getHttpURI().getPath(), requestId);
        response.setStatus(ErrorDocument.s3Status(code));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/xml");
        response.getHeaders().put("x-amz-request-id", requestId);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, document.length);
        response.write(true, ByteBuffer.wrap(document), callback);
    }

    private String requestId() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
