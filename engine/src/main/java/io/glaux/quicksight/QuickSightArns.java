package io.glaux.quicksight;

/** QuickSight's ARNs: {@code arn:aws:quicksight:<region>:<account>:<type>/<id>}. */
public record QuickSightArns(String region, String accountId) {

    public String of(String resourceType, String id) {
        return "arn:aws:quicksight:" + region + ":" + accountId + ":" + resourceType + "/" + id;
    }

    public String dataSource(String id) {
        return of("datasource", id);
    }

    public String dataSet(String id) {
        return of("dataset", id);
    }

    public String ingestion(String dataSetId, String ingestionId) {
        return of("dataset", dataSetId + "/ingestion/" + ingestionId);
    }

    /** The id of a data source ARN of this account, or null when the ARN is not one. */
    public static String dataSourceId(String arn) {
        String marker = ":datasource/";
        int at = arn == null ? -1 : arn.indexOf(marker);
        return at < 0 || !arn.startsWith("arn:aws:quicksight:") ? null : arn.substring(at + marker.length());
    }
}
