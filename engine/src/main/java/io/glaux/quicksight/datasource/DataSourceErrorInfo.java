package io.glaux.quicksight.datasource;

/** Why a data source is CREATION_FAILED or UPDATE_FAILED: QuickSight's DataSourceErrorInfoType and a message. */
public record DataSourceErrorInfo(String type, String message) {
}
