package io.glaux.ui;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
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

    /** Adds the UI's static files to a Javalin configuration. */
    public static void install(JavalinConfig config) {
        Map<String, String> noCache = Map.of("Cache-Control", "no-cache");
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = UI_DIRECTORY;
            files.location = Location.CLASSPATH;
            files.headers = noCache;
        });
        // A route rather than a static folder: a webjar has no directory entries for Javalin to find.
        String echarts = "/META-INF/resources/webjars/echarts/" + echartsVersion() + "/dist/" + ECHARTS_MODULE;
        config.routes.get(ECHARTS_PATH + "/" + ECHARTS_MODULE, ctx -> {
            InputStream module = WebUi.class.getResourceAsStream(echarts);
            if (module == null) {
                throw new IllegalStateException(echarts + " is missing from the class path");
            }
            ctx.contentType("text/javascript").header("Cache-Control", "max-age=86400").result(module);
        });
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
