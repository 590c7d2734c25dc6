package io.glaux.quicksight.role;

/**
 * What a user does when QuickSight's service role is refused, in the words of the Athena-and-QuickSight
 * troubleshooting table; each refusal QuickSight reports ends with one of them, after AWS's own sentence.
 */
public enum Fix {
    /** Athena calls refused (the data source check, the workgroup list, the query submission). */
    ATHENA("Ensure Athena permissions are granted in QuickSight settings"),
    /** The query result bucket refused (listing it, writing or reading a result object). */
    S3("Add the S3 bucket in QuickSight's security & permissions section"),
    /** A federated catalog's connector function refused. */
    LAMBDA("Add Lambda functions used in Federated Query to QuickSight permissions"),
    /** A KMS key refused (decrypting encrypted results or table data, writing results under a key). */
    KMS("Grant QuickSight IAM role access to KMS key with kms:Decrypt");

    private final String text;

    Fix(String text) {
        this.text = text;
    }

    /** The table's sentence. */
    public String text() {
        return text;
    }
}
