package io.glaux.quicksight.snapshot;

import java.util.List;

/**
 * One SnapshotFile of a job's configuration: its FormatType and its SheetSelections.
 *
 * @param formatType CSV, PDF or EXCEL (only CSV is produced by Glaux)
 */
public record SnapshotFile(String formatType, List<SheetSelection> sheetSelections) {

    public SnapshotFile {
        sheetSelections = List.copyOf(sheetSelections);
    }

    /** A SnapshotFileSheetSelection: the sheet, ALL_VISUALS or SELECTED_VISUALS, and the visuals selected. */
    public record SheetSelection(String sheetId, String selectionScope, List<String> visualIds) {
        public SheetSelection {
            visualIds = visualIds == null ? List.of() : List.copyOf(visualIds);
        }
    }
}
