package io.glaux.datacatalog;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;

import java.util.List;
import java.util.Map;

/**
 * The parameters each catalog type requires, as CreateDataCatalog documents them: LAMBDA takes {@code function} or
 * both {@code metadata-function} and {@code record-function} (not both forms); HIVE takes {@code metadata-function};
 * GLUE takes {@code catalog-id}; FEDERATED takes {@code connection-arn} or {@code connection-type} (not both).
 */
public final class DataCatalogParameters {

    public static final String FUNCTION = "function";
    public static final String METADATA_FUNCTION = "metadata-function";
    public static final String RECORD_FUNCTION = "record-function";
    public static final String CATALOG_ID = "catalog-id";
    public static final String CONNECTION_ARN = "connection-arn";
    public static final String CONNECTION_TYPE = "connection-type";

    /** Athena's ConnectionType values for FEDERATED catalogs. */
    public static final List<String> CONNECTION_TYPES = List.of("DYNAMODB", "MYSQL", "POSTGRESQL", "REDSHIFT",
            "ORACLE", "SYNAPSE", "SQLSERVER", "DB2", "OPENSEARCH", "BIGQUERY", "GOOGLECLOUDSTORAGE", "HBASE",
            "DOCUMENTDB", "CMDB", "TPCDS", "TIMESTREAM", "SAPHANA", "SNOWFLAKE", "DATALAKEGEN2", "DB2AS400");

    private DataCatalogParameters() {
    }

    /** Fails with INVALID_ARGUMENT when {@code parameters} don't fit {@code type}. */
    public static void check(DataCatalogType type, Map<String, String> parameters) {
        Map<String, String> p = parameters == null ? Map.of() : parameters;
        switch (type) {
            case LAMBDA -> {
                boolean composite = present(p, FUNCTION);
                boolean split = present(p, METADATA_FUNCTION) || present(p, RECORD_FUNCTION);
                if (composite && split) {
                    throw invalid("A LAMBDA data catalog takes either function or metadata-function and"
                            + " record-function, not both");
                }
                if (!composite && !(present(p, METADATA_FUNCTION) && present(p, RECORD_FUNCTION))) {
                    throw invalid("A LAMBDA data catalog needs the parameter function=<lambda_arn>, or both"
                            + " metadata-function=<lambda_arn> and record-function=<lambda_arn>");
                }
            }
            case HIVE -> {
                if (!present(p, METADATA_FUNCTION)) {
                    throw invalid("A HIVE data catalog needs the parameter metadata-function=<lambda_arn>");
                }
            }
            case GLUE -> {
                if (!present(p, CATALOG_ID)) {
                    throw invalid("A GLUE data catalog needs the parameter catalog-id=<account_id>");
                }
            }
            case FEDERATED -> {
                boolean reuse = present(p, CONNECTION_ARN);
                boolean create = present(p, CONNECTION_TYPE);
                if (reuse == create) {
                    throw invalid("A FEDERATED data catalog takes either connection-arn or connection-type and"
                            + " connection-properties");
                }
                if (create && !CONNECTION_TYPES.contains(p.get(CONNECTION_TYPE))) {
                    throw invalid("Unknown connection-type '" + p.get(CONNECTION_TYPE) + "': expected one of "
                            + CONNECTION_TYPES);
                }
            }
            default -> throw new IllegalStateException("Unhandled catalog type " + type);
        }
    }

    private static boolean present(Map<String, String> parameters, String key) {
        String value = parameters.get(key);
        return value != null && !value.isBlank();
    }

    private static GlauxException invalid(String message) {
        return new GlauxException(ErrorType.INVALID_ARGUMENT, message);
    }
}
