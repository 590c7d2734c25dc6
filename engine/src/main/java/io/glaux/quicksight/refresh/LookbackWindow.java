package io.glaux.quicksight.refresh;

/** An incremental refresh's window: rows whose {@code columnName} is within the last {@code size} HOURs, DAYs or WEEKs. */
public record LookbackWindow(String columnName, long size, String sizeUnit) {
}
