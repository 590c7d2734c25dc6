package io.glaux.connectors.dynamodb;

import io.glaux.connectors.ConnectionProperties;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where one catalog's DynamoDB is and how to sign requests to it: an endpoint override (a local DynamoDB-API server
 * such as dynalite; AWS's regional endpoint when absent), a region and optional static credentials. Read from a
 * connection string {@code dynamodb://[endpoint][?region=...&access_key_id=...&secret_access_key=...]} or from a
 * FEDERATED catalog's Glue connection properties. Credentials never appear in {@link #describe()}.
 *
 * @param catalog         the data catalog's name, for messages
 * @param endpoint        the endpoint override, or null for AWS's endpoint of the region
 * @param region          the signing region
 * @param accessKeyId     static credentials, or null: then dummy ones with an endpoint override, else the AWS SDK's
 *                        default credential chain
 * @param secretAccessKey with {@code accessKeyId}
 * @param sessionToken    optional, with {@code accessKeyId}
 * @param scanSegments    parallel scan segments per table scan, or 0 to size them from the table
 * @param sampleSize      items read to infer a table's attributes (AWS's connector reads 4)
 */
record DynamoDbConnectionConfig(String catalog, URI endpoint, String region, String accessKeyId,
                                String secretAccessKey, String sessionToken, int scanSegments, int sampleSize) {

    static final String PREFIX = "dynamodb://";
    static final String DEFAULT_REGION = "us-east-1";
    static final int DEFAULT_SAMPLE_SIZE = 4;
    static final int MAX_SEGMENTS = 64;


    /** {@code dynamodb://http://host:port?region=...}, {@code dynamodb://?region=eu-west-1} or a bare http(s) URL. */
    static DynamoDbConnectionConfig fromConnectionString(String catalog, String connectionString) {
        if (connectionString == null || connectionString.isBlank()) {
            throw invalid(catalog, "the connection string is empty");
        }
        String text = connectionString.strip();
        if (text.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            text = text.substring(PREFIX.length());
        } else if (!text.startsWith("http://") && !text.startsWith("https://")) {
            throw invalid(catalog, "the connection string must look like dynamodb://http://host:port?region=..."
                    + " or dynamodb://?region=...");
        }
        String query = "";
        int mark = text.indexOf('?');
        if (mark >= 0) {
            query = text.substring(mark + 1);
            text = text.substring(0, mark);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            settings.put(ConnectionProperties.normalize(URLDecoder.decode(key, StandardCharsets.UTF_8)),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        if (!text.isBlank()) {
            settings.put("ENDPOINT", text);
        }
        return fromSettings(catalog, settings);
    }

    /**
     * A FEDERATED catalog's {@code connection-properties} JSON (keys in any case, {@code -} or {@code _}): {@code
     * ENDPOINT_URL} (or {@code endpoint}), {@code REGION} (or {@code AWS_REGION}), {@code ACCESS_KEY_ID} and {@code
     * SECRET_ACCESS_KEY} (optional {@code SESSION_TOKEN}), {@code scan_segments}, {@code schema_inference_sample};
     * or {@code CONNECTION_STRING} (or {@code default}) holding a connection string. The catalog's own parameters
     * fill what the JSON leaves out.
     */
    static DynamoDbConnectionConfig fromConnectionProperties(String catalog, String json,
                                                             Map<String, String> catalogParameters) {
        Map<String, String> settings = ConnectionProperties.read(json, catalogParameters,
                problem -> invalid(catalog, problem));
        String connectionString = ConnectionProperties.first(settings, "CONNECTION_STRING", "DEFAULT");
        if (connectionString != null) {
            DynamoDbConnectionConfig fromString = fromConnectionString(catalog, connectionString);
            settings.remove("CONNECTION_STRING");
            settings.remove("DEFAULT");
            Map<String, String> merged = new LinkedHashMap<>(fromString.asSettings());
            merged.putAll(settings);
            return fromSettings(catalog, merged);
        }
        return fromSettings(catalog, settings);
    }

    private Map<String, String> asSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        if (endpoint != null) {
            settings.put("ENDPOINT", endpoint.toString());
        }
        settings.put("REGION", region);
        if (accessKeyId != null) {
            settings.put("ACCESS_KEY_ID", accessKeyId);
            settings.put("SECRET_ACCESS_KEY", secretAccessKey);
        }
        if (sessionToken != null) {
            settings.put("SESSION_TOKEN", sessionToken);
        }
        if (scanSegments > 0) {
            settings.put("SCAN_SEGMENTS", Integer.toString(scanSegments));
        }
        settings.put("SCHEMA_INFERENCE_SAMPLE", Integer.toString(sampleSize));
        return settings;
    }

    private static DynamoDbConnectionConfig fromSettings(String catalog, Map<String, String> settings) {
        String endpointText = ConnectionProperties.first(settings, "ENDPOINT", "ENDPOINT_URL", "DYNAMODB_ENDPOINT", "ENDPOINT_OVERRIDE");
        URI endpoint = null;
        if (endpointText != null) {
            try {
                endpoint = URI.create(endpointText.strip());
            } catch (IllegalArgumentException e) {
                throw invalid(catalog, "the endpoint '" + endpointText + "' is not a URL");
            }
            if (endpoint.getScheme() == null || endpoint.getHost() == null
                    || !(endpoint.getScheme().equals("http") || endpoint.getScheme().equals("https"))) {
                throw invalid(catalog, "the endpoint must be an http:// or https:// URL with a host, not '"
                        + endpointText + "'");
            }
        }
        String region = ConnectionProperties.first(settings, "REGION", "AWS_REGION", "REGION_NAME");
        if (region == null) {
            region = DEFAULT_REGION;
        }
        if (!region.strip().matches("[a-z0-9-]+")) {
            throw invalid(catalog, "the region '" + region + "' is not a region name such as us-east-1");
        }
        String accessKey = ConnectionProperties.first(settings, "ACCESS_KEY_ID", "AWS_ACCESS_KEY_ID", "ACCESS_KEY");
        String secretKey = ConnectionProperties.first(settings, "SECRET_ACCESS_KEY", "AWS_SECRET_ACCESS_KEY", "SECRET_KEY");
        if ((accessKey == null) != (secretKey == null)) {
            throw invalid(catalog, "give both access_key_id and secret_access_key, or neither");
        }
        String sessionToken = ConnectionProperties.first(settings, "SESSION_TOKEN", "AWS_SESSION_TOKEN");
        int segments = number(catalog, settings, "SCAN_SEGMENTS", 0, 0, MAX_SEGMENTS);
        int sample = number(catalog, settings, "SCHEMA_INFERENCE_SAMPLE", DEFAULT_SAMPLE_SIZE, 1, 1000);
        return new DynamoDbConnectionConfig(catalog, endpoint, region.strip(), accessKey, secretKey, sessionToken,
                segments, sample);
    }

    private static int number(String catalog, Map<String, String> settings, String key, int absent, int min,
                              int max) {
        String value = settings.get(key);
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < min || number > max) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw invalid(catalog, key.toLowerCase(Locale.ROOT) + " must be a number from " + min + " to " + max
                    + ", not '" + value + "'");
        }
    }

    /** The endpoint (or AWS's, by region), never the credentials. */
    String describe() {
        return endpoint != null ? endpoint.toString() : "the AWS endpoint of " + region;
    }

    static GlauxException invalid(String catalog, String problem) {
        return new GlauxException(ErrorType.USER_ERROR, "GENERIC_USER_ERROR: Catalog '" + catalog
                + "' has invalid DynamoDB connection settings: " + problem);
    }

    @Override
    public String toString() {
        return "DynamoDbConnectionConfig[catalog=" + catalog + ", endpoint=" + describe() + ", region=" + region + "]";
    }
}
