package io.glaux.ui;

import io.glaux.quicksight.embed.EmbedSessions;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The web UI: static ES modules, styles and the page shell under {@code /} (classpath {@code io/glaux/ui}), and Apache
 * ECharts from its npm package (Maven Central's webjar) under {@code /lib/echarts/}. The pages are clients of
 * Glaux's own APIs; nothing here computes data. Unsigned requests reach it because the service router passes them on.
 */
public final class WebUi {

    /** Where the page modules import ECharts from ({@code echarts.esm.min.js} in it). */
    public static final String ECHARTS_PATH = "/lib/echarts";

    /** The ES module build of ECharts (it bundles zrender). */
    public static final String ECHARTS_MODULE = "echarts.esm.min.js";

    private static final String UI_DIRECTORY = "/io/glaux/ui";

    private WebUi() {
    }

    /** Adds the UI's static files and its embed pages (opened by {@code embeds}) to a Javalin configuration. */
    public static void install(JavalinConfig config, EmbedSessions embeds) {
        // Routes that read the files from the class path, not Javalin's static folder: Jetty would open the whole
        // server jar as a zip file system to find them (its directory of 40,000 entries), a third of the start-up.
        config.routes.get("/", ctx -> file(ctx, "index.html"));
        for (String file : List.of("index.html", "embed.html", "package.json")) {
            config.routes.get("/" + file, ctx -> file(ctx, file));
        }
        for (String folder : List.of("css", "js")) {
            config.routes.get("/" + folder + "/<path>", ctx -> file(ctx, folder + "/" + ctx.pathParam("path")));
        }
        // A route rather than a static folder: a webjar has no directory entries for Javalin to find.
        String echarts = "/META-INF/resources/webjars/echarts/" + echartsVersion() + "/dist/" + ECHARTS_MODULE;
        config.routes.get(ECHARTS_PATH + "/" + ECHARTS_MODULE, ctx -> {
            InputStream module = WebUi.class.getResourceAsStream(echarts);
            if (module == null) {
                throw new IllegalStateException(echarts + " is missing from the class path");
            }
            ctx.contentType("text/javascript").header("Cache-Control", "max-age=86400").result(module);
        });
        config.routes.get("/embed/{embed}/dashboards/{dashboard}", ctx -> embedPage(ctx, embeds));
    }

    /** A file of the UI folder, by its path below it; 404 for a path that leaves the folder or names no file. */
    private static void file(Context ctx, String path) throws IOException {
        if (path.contains("..") || path.contains("//") || path.contains("\\")) {
            ctx.status(HttpStatus.NOT_FOUND);
            return;
        }
        try (InputStream in = WebUi.class.getResourceAsStream(UI_DIRECTORY + "/" + path)) {
            if (in == null) {
                ctx.status(HttpStatus.NOT_FOUND);
                return;
            }
            ctx.contentType(contentType(path)).header("Cache-Control", "no-cache").result(in.readAllBytes());
        }
    }

    private static String contentType(String path) {
        String extension = path.substring(path.lastIndexOf('.') + 1);
        return switch (extension) {
            case "html" -> "text/html; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "json" -> "application/json";
            default -> "application/octet-stream";
        };
    }

    /**
     * An embed URL's page: the dashboard alone, when the URL's code is good (once, soon after it was issued) or the
     * browser holds the session it opened; its AllowedDomains (any origin when none) may frame it.
     */
    private static void embedPage(Context ctx, EmbedSessions embeds) throws IOException {
        String id = ctx.pathParam("embed");
        String cookie = "glaux-embed-" + id;
        Optional<EmbedSessions.Session> session = embeds.open(id, ctx.pathParam("dashboard"), ctx.queryParam("code"),
                ctx.cookie(cookie));
        ctx.header("Cache-Control", "no-store");
        if (session.isEmpty()) {
            ctx.status(HttpStatus.FORBIDDEN).contentType("text/html; charset=utf-8").result("<!doctype html><title>"
                    + "Embedding failed</title><p role=\"alert\">Embedding failed because of an invalid URL or"
                    + " authorization code: an embed URL must be opened within five minutes of being generated, once,"
                    + " and its session must not have expired. Generate a new one.</p>");
            return;
        }
        EmbedSessions.Session opened = session.get();
        List<String> domains = opened.embed().allowedDomains();
        ctx.header("Content-Security-Policy", "frame-ancestors " + (domains.isEmpty() ? "*" : String.join(" ",
                domains)));
        ctx.res().addHeader("Set-Cookie", cookie + "=" + opened.secret() + "; Path=/embed/" + id + "; Max-Age="
                + Duration.between(Instant.now(), opened.expiresAt()).toSeconds() + "; HttpOnly; SameSite=Lax");
        try (InputStream page = WebUi.class.getResourceAsStream(UI_DIRECTORY + "/embed.html")) {
            ctx.contentType("text/html; charset=utf-8").result(page.readAllBytes());
        }
    }

    /** The version of the ECharts package on the class path. */
    static String echartsVersion() {
        try (InputStream in = WebUi.class.getResourceAsStream(
                "/META-INF/maven/org.webjars.npm/echarts/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("The ECharts package (org.webjars.npm:echarts) is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
