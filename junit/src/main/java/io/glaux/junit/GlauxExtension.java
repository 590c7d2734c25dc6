package io.glaux.junit;

import io.glaux.Glaux;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * Starts Glaux in-process once per test class, on a free port with a temporary data folder, and stops it (deleting
 * the folder) after the class. Register it either way:
 *
 * <pre>{@code
 * @ExtendWith(GlauxExtension.class)            // with the sample shop dataset
 * class MyTest {
 *     @Test
 *     void query(AthenaClient athena, GlauxServer glaux) { ... }
 * }
 *
 * class MyOtherTest {
 *     @RegisterExtension
 *     static final GlauxExtension glaux = GlauxExtension.empty();
 *
 *     @Test
 *     void query() { glaux.athena().startQueryExecution(...); }
 * }
 * }</pre>
 *
 * <p>Test constructors and methods may declare parameters of type {@link GlauxServer}, {@link Glaux} (the engine,
 * for direct calls), {@link URI} (the endpoint), and, when the AWS SDK for Java v2 is on the test class path,
 * {@code AthenaClient} and {@code S3Client}: clients configured for the endpoint (region {@value GlauxServer#REGION},
 * dummy credentials, path-style S3), shared by the class and closed with the server. {@code @Nested} classes share
 * their outer class's server.
 */
public final class GlauxExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GlauxExtension.class);
    private static final String ATHENA_CLIENT = "software.amazon.awssdk.services.athena.AthenaClient";
    private static final String S3_CLIENT = "software.amazon.awssdk.services.s3.S3Client";

    private final boolean sampleData;
    private volatile Running running;

    /** With the sample shop dataset (database {@code shop}), as {@code @ExtendWith(GlauxExtension.class)} gives. */
    public GlauxExtension() {
        this(true);
    }

    private GlauxExtension(boolean sampleData) {
        this.sampleData = sampleData;
    }

    /** A server with the sample shop dataset installed (database {@code shop}: orders, customers, products, ...). */
    public static GlauxExtension withSampleData() {
        return new GlauxExtension(true);
    }

    /** A server with only the {@code default} database; start a little faster. */
    public static GlauxExtension empty() {
        return new GlauxExtension(false);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        running(context);
    }

    /** The running server (between the class's start and end). */
    public GlauxServer server() {
        return current().server;
    }

    /** The endpoint URL for Athena and S3 clients, e.g. {@code http://127.0.0.1:43123}. */
    public String endpoint() {
        return server().endpoint();
    }

    /** The engine behind the server, for setting up data or reading results directly. */
    public Glaux glaux() {
        return server().glaux();
    }

    /** An Athena client for this server, shared by the class (needs the AWS SDK for Java v2 on the class path). */
    public software.amazon.awssdk.services.athena.AthenaClient athena() {
        return current().clients().athena();
    }

    /** A path-style S3 client for this server, shared by the class. */
    public software.amazon.awssdk.services.s3.S3Client s3() {
        return current().clients().s3();
    }

    private Running current() {
        Running current = running;
        if (current == null) {
            throw new IllegalStateException("Glaux is not running: register GlauxExtension on the test class"
                    + " (@ExtendWith or a @RegisterExtension field) and use it inside the tests");
        }
        return current;
    }

    private Running running(ExtensionContext context) {
        // Kept in the class's store (visible to its methods and @Nested classes) and closed when the class ends.
        ExtensionContext owner = context.getTestMethod().isPresent() ? context.getParent().orElse(context) : context;
        Running started = owner.getStore(NAMESPACE).getOrComputeIfAbsent(sampleData ? "sample" : "empty",
                key -> Running.start(sampleData), Running.class);
        running = started;
        return started;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == GlauxServer.class || type == Glaux.class || type == URI.class
                || type.getName().equals(ATHENA_CLIENT) || type.getName().equals(S3_CLIENT);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Running current = running(extensionContext);
        Class<?> type = parameterContext.getParameter().getType();
        if (type == GlauxServer.class) {
            return current.server;
        }
        if (type == Glaux.class) {
            return current.server.glaux();
        }
        if (type == URI.class) {
            return URI.create(current.server.endpoint());
        }
        if (type.getName().equals(ATHENA_CLIENT)) {
            return current.clients().athena();
        }
        if (type.getName().equals(S3_CLIENT)) {
            return current.clients().s3();
        }
        throw new ParameterResolutionException("GlauxExtension cannot supply a " + type.getName());
    }

    /** One started server and the clients made for it; closed by JUnit when the owning class's context closes. */
    private static final class Running implements ExtensionContext.Store.CloseableResource {
        final GlauxServer server;
        private SdkClients clients;

        private Running(GlauxServer server) {
            this.server = server;
        }

        static Running start(boolean sampleData) {
            try {
                return new Running(GlauxServer.builder().sampleData(sampleData).start());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start Glaux", e);
            }
        }

        synchronized SdkClients clients() {
            if (clients == null) {
                clients = new SdkClients(server);
            }
            return clients;
        }

        @Override
        public void close() {
            SdkClients made;
            synchronized (this) {
                made = clients;
            }
            try {
                if (made != null) {
                    made.close();
                }
            } finally {
                server.close();
            }
        }
    }
}
