package io.glaux.datacatalog;

/** Athena's DataCatalogType: where a registered catalog's metadata comes from. */
public enum DataCatalogType {
    /** A federated catalog served by one or two Lambda functions (Athena Query Federation SDK). */
    LAMBDA,
    /** A Glue Data Catalog, by account ID; {@code AwsDataCatalog} is the account's own. */
    GLUE,
    /** An external Hive metastore reached through a Lambda function. */
    HIVE,
    /** A federated catalog whose Glue connection and Lambda function Athena creates. */
    FEDERATED
}
