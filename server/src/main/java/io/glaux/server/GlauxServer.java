package io.glaux.server;

import io.glaux.Glaux;
import io.glaux.athena.api.AthenaApi;
import io.javalin.Javalin;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.UriCompliance;
import org.gaul.s3proxy.GlauxS3Endpoint;

import java.util.EnumSet;

/**
 * Glaux as one server on one port: Athena's JSON API ({@code POST /} with {@code X-Amz-Target}), the S3 endpoint
 * over the same data folder the engine reads (SigV4 scope {@code s3}), and {@code /health}. Like LocalStack, every
 * client points its endpoint URL here.
 */
public final class GlauxServer implements AutoCloseable {

    private final Glaux glaux;
    private final Javalin app;

    private GlauxServer(Glaux glaux, Javalin app) {
        this.glaux = glaux;
        this.app = app;
    }

    /**
     * Starts serving {@code glaux} on {@code host:port} (port 0 picks a free one). The S3 endpoint serves the data
     * folder, so it is only mounted when the engine keeps its objects there (no external S3 store).
     */
    public static GlauxServer start(Glaux glaux, String host, int port, boolean serveS3) {
        AthenaApi athena = new AthenaApi(glaux);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = 16L * 1024 * 1024;
            config.jetty.host = host;
            config.jetty.port = port;
            // As s3proxy configures Jetty, so keys like "a b/c+d%2Fe#f.txt" round-trip.
            config.jetty.modifyHttpConfiguration(http -> {
                http.setHttpCompliance(HttpCompliance.LEGACY);
                http.setUriCompliance(UriCompliance.LEGACY);
            });
            if (serveS3) {
                config.jetty.modifyServletContextHandler(handler -> handler.addFilter(
                        new FilterHolder(new ServiceRouter(GlauxS3Endpoint.servlet(glaux.dataFolder()))), "/*",
                        EnumSet.of(DispatcherType.REQUEST)));
            }
            config.routes.post("/", athena::handle);
            config.routes.get("/health", ctx -> ctx.json(java.util.Map.of("status", "ok", "services",
                    serveS3 ? java.util.List.of("athena", "s3") : java.util.List.of("athena"))));
        });
        app.start();
        return new GlauxServer(glaux, app);
    }

    public int port() {
        return app.port();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port();
    }

    public Glaux glaux() {
        return glaux;
    }

    /** Stops serving; the Glaux instance is closed by its owner. */
    @Override
    public void close() {
        app.stop();
    }
}
