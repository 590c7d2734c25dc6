package io.glaux.connectors.federation;

import com.amazonaws.athena.connector.lambda.handlers.CompositeHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.storage.ObjectStore;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The test connector deployed as a function in this JVM: each invocation is one {@code
 * CompositeHandler.handleRequest(InputStream, OutputStream, Context)}, and an exception it throws is reported the way
 * Lambda's Java runtime reports it (the exception's class and message). It keeps the {@code @type} of every request
 * and response, and the connector keeps what it received.
 */
final class SdkFunction implements FederationFunction {

    static final String ARN = "arn:aws:lambda:us-east-1:000000000000:function:sales";
    static final String SPILL_BUCKET = "glaux-spill";
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // The SDK's handlers build AWS clients (KMS, and S3 for the metadata side) that need a region, though the
        // tests never let them call AWS.
        System.setProperty("aws.region", "us-east-1");
    }

    private final String arn;
    private final CompositeHandler handler;
    final List<String> requestTypes = new CopyOnWriteArrayList<>();
    final List<String> responseTypes = new CopyOnWriteArrayList<>();
    final List<Received> received = new CopyOnWriteArrayList<>();

    /**
     * @param spillStore where the connector's spilled blocks go
     * @param pushdown   whether the connector declares filter, limit and top-N pushdown
     */
    SdkFunction(ObjectStore spillStore, boolean pushdown) {
        this(spillStore, pushdown, true);
    }

    /** @param encrypt whether spilled blocks are encrypted (the SDK's default) */
    SdkFunction(ObjectStore spillStore, boolean pushdown, boolean encrypt) {
        this.arn = ARN;
        Map<String, String> config = Map.of("spill_bucket", SPILL_BUCKET, "spill_prefix", "athena-spill");
        this.handler = new CompositeHandler(new SalesMetadataHandler(config, pushdown, encrypt, received),
                new SalesRecordHandler(new StoreS3Client(spillStore), config, received));
    }

    @Override
    public String arn() {
        return arn;
    }

    @Override
    public byte[] invoke(byte[] request) {
        requestTypes.add(type(request));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(request), out, null);
        } catch (Exception e) {
            throw new FederationFunctionException(e.getClass().getName(), e.getMessage(), e);
        }
        byte[] response = out.toByteArray();
        responseTypes.add(type(response));
        return response;
    }

    List<Received> received(String type) {
        return received.stream().filter(r -> r.type().equals(type)).toList();
    }

    static String type(byte[] json) {
        try {
            JsonNode node = JSON.readTree(json);
            return node == null ? null : node.path("@type").asText(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
