package io.glaux.s3.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hand-made S3 requests (java.net.http, or a raw socket for what no HTTP client sends) with an S3 credential scope
 * and a dummy signature: Glaux routes by the scope and does not check signatures yet.
 */
final class RawS3 {

    static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/s3/aws4_request,"
            + " SignedHeaders=host, Signature=0000";

    private final String endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    RawS3(String endpoint) {
        this.endpoint = endpoint;
    }

    /** What came back: status, the error code of an XML error (or null) and the body. */
    record Answer(int status, String code, String body, HttpResponse<String> response) {
        String header(String name) {
            return response == null ? null : response.headers().firstValue(name).orElse(null);
        }
    }

    /** A request whose path is sent as given (percent-encoded by the caller); headers as name, value pairs. */
    Answer send(String method, String rawPath, byte[] body, String... headers) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + rawPath))
                .header("Authorization", AUTHORIZATION)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("Expect")) {
                request.expectContinue(true);
            } else {
                request.header(headers[i], headers[i + 1]);
            }
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), code(response.body()), response.body(), response);
    }

    /**
     * Sends a request over a plain socket exactly as written (dot segments, odd headers), and returns what the server
     * answered; {@code bodyBytesToSend} of a declared longer body are sent before the connection is closed.
     */
    Answer sendRaw(String requestHead, byte[] body, int bodyBytesToSend) throws IOException {
        URI uri = URI.create(endpoint);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body, 0, bodyBytesToSend);
            }
            out.flush();
            if (body != null && bodyBytesToSend < body.length) {
                return new Answer(-1, null, "", null); // the client went away mid-body
            }
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            Matcher status = Pattern.compile("HTTP/1\\.1 (\\d{3})").matcher(answer);
            return new Answer(status.find() ? Integer.parseInt(status.group(1)) : -1, code(answer), answer, null);
        }
    }

    /** {@code GET <path> HTTP/1.1} with the S3 scope, closing the connection afterwards. */
    String head(String method, String rawPath, String... extraHeaderLines) {
        URI uri = URI.create(endpoint);
        StringBuilder head = new StringBuilder(method + " " + rawPath + " HTTP/1.1\r\nHost: " + uri.getHost() + ":"
                + uri.getPort() + "\r\nAuthorization: " + AUTHORIZATION + "\r\nConnection: close\r\n");
        for (String line : extraHeaderLines) {
            head.append(line).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    static String code(String body) {
        Matcher code = Pattern.compile("<Code>([^<]*)</Code>").matcher(body == null ? "" : body);
        return code.find() ? code.group(1) : null;
    }
}
