package io.glaux.connectors.jdbc;

import io.glaux.connectors.ConnectionProperties;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where one catalog's database is and how to log in, read from the settings Athena's JDBC connectors take: a
 * connection string in the connectors' {@code default} environment variable format ({@code
 * postgres://jdbc:postgresql://host:port/db?user=...&password=...}) or a plain {@code jdbc:postgresql://} URL, or a
 * FEDERATED catalog's Glue connection properties (HOST, PORT, DATABASE, USERNAME, PASSWORD, JDBC_PARAMS or
 * JDBC_CONNECTION_STRING). Credentials stay in {@link #properties()} and never appear in {@link #describe()}.
 *
 * @param catalog      the data catalog's name, for messages
 * @param url          the JDBC URL without user and password
 * @param properties   the driver's connection properties (user, password and Glaux's defaults)
 * @param defaultScale the scale of a numeric column declared without precision, as the AWS connectors' {@code
 *                     default_scale} option (0 unless set)
 */
record JdbcConnectionConfig(String catalog, String url, Properties properties, int defaultScale) {

    /** The engine prefix of Athena's PostgreSQL connector connection strings. */
    static final String ENGINE_PREFIX = "postgres://";
    static final String JDBC_PREFIX = "jdbc:postgresql:";

    /** The Glue connection property names a FEDERATED catalog's connection-properties may hold (any case). */
    static final String HOST = "HOST";
    static final String PORT = "PORT";
    static final String DATABASE = "DATABASE";
    static final String USERNAME = "USERNAME";
    static final String PASSWORD = "PASSWORD";
    static final String JDBC_PARAMS = "JDBC_PARAMS";
    static final String JDBC_CONNECTION_STRING = "JDBC_CONNECTION_STRING";
    static final String DEFAULT_SCALE = "default_scale";

    private static final Pattern ENGINE = Pattern.compile("([a-zA-Z0-9]+)://(.*)", Pattern.DOTALL);
    private static final Pattern SECRET = Pattern.compile("\\$\\{[^}]*}");

    /** Seconds the driver waits for a connection and for a login before giving up. */
    private static final String CONNECT_TIMEOUT_SECONDS = "10";

    /**
     * Reads a connection string: {@code postgres://jdbc:postgresql://...} or {@code jdbc:postgresql://...}, user and
     * password as URL parameters.
     */
    static JdbcConnectionConfig fromConnectionString(String catalog, String connectionString, int defaultScale) {
        if (connectionString == null || connectionString.isBlank()) {
            throw invalid(catalog, "the connection string is empty");
        }
        String url = connectionString.strip();
        if (!url.startsWith("jdbc:")) {
            Matcher engine = ENGINE.matcher(url);
            if (!engine.matches()) {
                throw invalid(catalog, "the connection string must look like postgres://jdbc:postgresql://host:port/"
                        + "database?user=...&password=... or jdbc:postgresql://host:port/database");
            }
            if (!"postgres".equals(engine.group(1))) {
                throw invalid(catalog, "the connection string is for '" + engine.group(1) + "'; this connector"
                        + " serves PostgreSQL (postgres://jdbc:postgresql://...)");
            }
            url = engine.group(2);
        }
        if (!url.startsWith(JDBC_PREFIX)) {
            throw invalid(catalog, "only jdbc:postgresql: URLs are served, not '" + beforeQuery(url) + "'");
        }
        if (SECRET.matcher(url).find()) {
            throw invalid(catalog, "the connection string names a Secrets Manager secret (${...}); Glaux does not"
                    + " read AWS Secrets Manager: give user=...&password=... in the connection string instead");
        }
        return new JdbcConnectionConfig(catalog, url, defaults(), defaultScale);
    }

    /**
     * Reads a FEDERATED catalog's {@code connection-properties} (a JSON object of Glue connection properties, keys
     * in any case): a connection string (JDBC_CONNECTION_STRING, connection-string, connection_string or default), or
     * HOST, PORT (5432 if absent), DATABASE and JDBC_PARAMS; with USERNAME (or user) and PASSWORD (or password)
     * added to it; and default_scale. Other keys (spill_bucket, ...) are ignored.
     */
    static JdbcConnectionConfig fromConnectionProperties(String catalog, String json,
                                                         Map<String, String> catalogParameters) {
        // The same keys given as the catalog's own parameters fill what the JSON leaves out.
        Map<String, String> properties = ConnectionProperties.read(json, catalogParameters,
                problem -> invalid(catalog, problem));
        int defaultScale = defaultScale(catalog, properties.get(ConnectionProperties.normalize(DEFAULT_SCALE)));
        String connectionString = ConnectionProperties.first(properties, JDBC_CONNECTION_STRING, "CONNECTION_STRING", "DEFAULT");
        JdbcConnectionConfig config;
        if (connectionString != null) {
            config = fromConnectionString(catalog, connectionString, defaultScale);
        } else {
            String host = properties.get(HOST);
            String database = properties.get(DATABASE);
            if (isBlank(host) || isBlank(database)) {
                throw invalid(catalog, "connection-properties need HOST and DATABASE (and PORT, USERNAME, PASSWORD),"
                        + " or JDBC_CONNECTION_STRING");
            }
            String port = isBlank(properties.get(PORT)) ? "5432" : properties.get(PORT).strip();
            if (!port.matches("[0-9]{1,5}")) {
                throw invalid(catalog, "PORT must be a number, not '" + port + "'");
            }
            String params = properties.get(JDBC_PARAMS);
            String hostPart = host.strip().contains(":") && !host.strip().startsWith("[") ? "[" + host.strip() + "]"
                    : host.strip();
            String url = JDBC_PREFIX + "//" + hostPart + ":" + port + "/"
                    + URLEncoder.encode(database.strip(), StandardCharsets.UTF_8).replace("+", "%20")
                    + (isBlank(params) ? "" : "?" + params.strip());
            config = fromConnectionString(catalog, url, defaultScale);
        }
        String user = ConnectionProperties.first(properties, USERNAME, "USER");
        String password = ConnectionProperties.first(properties, PASSWORD);
        if (user != null) {
            config.properties().setProperty("user", user);
        }
        if (password != null) {
            config.properties().setProperty("password", password);
        }
        if (user == null && !config.url().contains("user=")
                && ConnectionProperties.first(properties, "SECRETARN", "SECRET_NAME", "SECRET_ARN") != null) {
            throw invalid(catalog, "connection-properties name a Secrets Manager secret; Glaux does not read AWS"
                    + " Secrets Manager: give USERNAME and PASSWORD instead");
        }
        return config;
    }

    /** The URL without its parameters (which may hold a password), for messages. */
    String describe() {
        return beforeQuery(url);
    }

    private static Properties defaults() {
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", "glaux");
        properties.setProperty("connectTimeout", CONNECT_TIMEOUT_SECONDS);
        properties.setProperty("loginTimeout", CONNECT_TIMEOUT_SECONDS);
        return properties;
    }

    static int defaultScale(String catalog, String value) {
        if (isBlank(value)) {
            return 0;
        }
        try {
            int scale = Integer.parseInt(value.strip());
            if (scale < 0 || scale > 38) {
                throw new NumberFormatException();
            }
            return scale;
        } catch (NumberFormatException e) {
            throw invalid(catalog, "default_scale must be a number from 0 to 38, not '" + value + "'");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String beforeQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    static GlauxException invalid(String catalog, String problem) {
        return new GlauxException(ErrorType.USER_ERROR, "GENERIC_USER_ERROR: Catalog '" + catalog
                + "' has invalid connection settings: " + problem);
    }
}
