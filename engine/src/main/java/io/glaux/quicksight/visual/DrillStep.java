package io.glaux.quicksight.visual;

import java.util.Objects;

/**
 * One click of a drill-down: in the visual's column hierarchy {@code hierarchyId}, the value chosen at the current
 * level. The steps of one hierarchy are given in order, top level first; after k steps the hierarchy's field shows
 * level k, filtered to the values chosen above it. A date value is the start of the chosen period as the visual's data
 * gave it ({@code 2024-01-01 00:00:00.000} or {@code 2024-01-01}); a bare year ({@code 2024}) is accepted at YEAR.
 */
public record DrillStep(String hierarchyId, String value) {
    public DrillStep {
        Objects.requireNonNull(hierarchyId, "hierarchyId");
        Objects.requireNonNull(value, "value");
    }
}
