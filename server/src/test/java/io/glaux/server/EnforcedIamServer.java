package io.glaux.server;

import io.glaux.Glaux;
import io.glaux.athena.api.AccessFixture;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

import java.io.IOException;

/**
 * A server enforcing IAM for a fuzz test, with its two signed {@link FuzzCaller}s: the account's root and a user
 * with no policy at all. Over the test's own engine when its probes name the engine's resources (Athena's query
 * ids), or over an engine of its own in a temporary folder.
 */
public final class EnforcedIamServer implements AutoCloseable {

    private final GlauxServer server;
    private final AwsCredentials nobody;

    private EnforcedIamServer(GlauxServer server) {
        this.server = server;
        this.nobody = AccessFixture.user(server, FuzzCaller.NOBODY);
    }

    /** A server enforcing IAM over {@code engine}, which the caller keeps owning. */
    public static EnforcedIamServer over(Glaux engine) throws IOException {
        return new EnforcedIamServer(GlauxServer.builder().engine(engine).enforceIam(true).start());
    }

    /** A server enforcing IAM over an engine of its own, in a temporary folder deleted on close. */
    public static EnforcedIamServer start() throws IOException {
        return new EnforcedIamServer(GlauxServer.builder().syncWrites(false).enforceIam(true).start());
    }

    public GlauxServer server() {
        return server;
    }

    /** The account's root, signing its requests to {@code service} with the default root key. */
    public FuzzCaller root(String service) {
        return new FuzzCaller(FuzzCaller.Kind.ROOT, server.endpoint(), service,
                AwsBasicCredentials.create(GlauxServer.ACCESS_KEY_ID, GlauxServer.SECRET_ACCESS_KEY));
    }

    /** An IAM user no policy allows anything, signing its requests to {@code service} with its own key. */
    public FuzzCaller allowedNothing(String service) {
        return new FuzzCaller(FuzzCaller.Kind.ALLOWED_NOTHING, server.endpoint(), service, nobody);
    }

    @Override
    public void close() {
        server.close();
    }
}
