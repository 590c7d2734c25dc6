package io.glaux.junit;

import io.glaux.server.GlauxServer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.quicksight.QuickSightClient;

import java.net.URI;

/**
 * The QuickSight client of the AWS SDK for Java v2 configured for a Glaux server, made on first use. Kept apart from
 * {@link SdkClients} so the extension works with the Athena and S3 clients alone on the class path.
 */
public final class QuickSightSdkClient implements AutoCloseable {

    private final GlauxServer server;
    private QuickSightClient client;

    public QuickSightSdkClient(GlauxServer server) {
        this.server = server;
    }

    /** A new QuickSight client for the server (account {@code 000000000000}); the caller closes it. */
    public static QuickSightClient newClient(GlauxServer server) {
        return QuickSightClient.builder().endpointOverride(URI.create(server.endpoint()))
                .region(Region.of(GlauxServer.REGION)).credentialsProvider(SdkClients.credentials()).build();
    }

    public synchronized QuickSightClient client() {
        if (client == null) {
            client = newClient(server);
        }
        return client;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}
