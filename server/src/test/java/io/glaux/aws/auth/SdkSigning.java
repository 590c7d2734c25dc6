package io.glaux.aws.auth;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Requests signed by the AWS SDK's own SigV4 signer ({@link AwsV4HttpSigner}), as a test fixture: the request the
 * SDK would send, turned into the {@link SignedRequest} the server reads, and its body as sent.
 */
final class SdkSigning {

    private SdkSigning() {
    }

    /** A request signed by the SDK, as the server receives it, and the body bytes as sent. */
    record Signed(SignedRequest request, byte[] body, SdkHttpRequest sdkRequest) {
    }

    static Signed sign(String method, String url, Map<String, String> headers, byte[] body,
            AwsCredentialsIdentity credentials, String service, Clock clock,
            UnaryOperator<software.amazon.awssdk.http.auth.spi.signer.SignRequest.Builder<AwsCredentialsIdentity>>
                    options) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method))
                .uri(URI.create(url));
        headers.forEach(request::putHeader);
        if (body != null) {
            request.putHeader("Content-Length", String.valueOf(body.length));
        }
        var signed = AwsV4HttpSigner.create().sign(r -> options.apply(r.identity(credentials)
                .request(request.build())
                .payload(body == null ? null : ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, clock)));
        byte[] sent = signed.payload().map(SdkSigning::read).orElse(new byte[0]);
        return new Signed(toServer(signed.request()), sent, signed.request());
    }

    static AwsCredentialsIdentity key(String id, String secret) {
        return AwsBasicCredentials.create(id, secret);
    }

    /** The request as a server reads it: the raw path and query, and the headers (Host included). */
    static SignedRequest toServer(SdkHttpRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        if (request.firstMatchingHeader("Host").isEmpty()) {
            int port = request.port();
            headers.put("Host", List.of(request.host() + (port == 80 || port == 443 ? "" : ":" + port)));
        }
        URI uri = request.getUri();
        return new SignedRequest(request.method().name(), uri.getRawPath(), uri.getRawQuery(), headers);
    }

    /** An S3 presigned URL valid for {@code expires}. */
    static UnaryOperator<software.amazon.awssdk.http.auth.spi.signer.SignRequest.Builder<AwsCredentialsIdentity>>
            presigned(Duration expires) {
        return r -> s3(false).apply(r)
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, expires)
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false);
    }

    /** S3's signing rules: the path encoded once and not normalized, the payload hash in a header. */
    static UnaryOperator<software.amazon.awssdk.http.auth.spi.signer.SignRequest.Builder<AwsCredentialsIdentity>>
            s3(boolean chunked) {
        return r -> r.putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true)
                .putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, chunked);
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] read(ContentStreamProvider provider) {
        try (InputStream in = provider.newStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
