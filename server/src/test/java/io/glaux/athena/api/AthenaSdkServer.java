package io.glaux.athena.api;

import io.glaux.Glaux;
import io.glaux.server.GlauxServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/** A Glaux engine and server over one data folder, with the SDK's AthenaClient pointed at it; can be restarted. */
final class AthenaSdkServer implements AutoCloseable {

    private final Path data;
    private Glaux glaux;
    private GlauxServer server;
    private AthenaClient athena;

    AthenaSdkServer(Path data) throws IOException {
        this.data = data;
        start();
    }

    private void start() throws IOException {
        glaux = Glaux.builder().dataFolder(data).build();
        server = GlauxServer.start(glaux, "127.0.0.1", 0, false);
        athena = AthenaClient.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    AthenaClient athena() {
        return athena;
    }

    Glaux glaux() {
        return glaux;
    }

    /** Closes client, server and engine, then starts all three again over the same data folder. */
    void restart() throws IOException {
        close();
        start();
    }

    @Override
    public void close() throws IOException {
        athena.close();
        server.close();
        glaux.close();
    }
}
