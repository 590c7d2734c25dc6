package io.glaux.error;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceLocationTest {

    private static final String TEXT = "SELECT a,\n  b\nFROM t";

    @Test
    void offsetsBecomeLinesAndColumns() {
        assertThat(SourceLocation.ofOffset(TEXT, 0)).isEqualTo(new SourceLocation(1, 1));
        assertThat(SourceLocation.ofOffset(TEXT, 7)).isEqualTo(new SourceLocation(1, 8));
        assertThat(SourceLocation.ofOffset(TEXT, 12)).isEqualTo(new SourceLocation(2, 3));
        assertThat(SourceLocation.ofOffset(TEXT, TEXT.length())).isEqualTo(new SourceLocation(3, 7));
    }

    @Test
    void locationsBecomeOffsets() {
        assertThat(new SourceLocation(2, 3).offsetIn(TEXT)).isEqualTo(12);
        assertThat(new SourceLocation(3, 1).offsetIn(TEXT)).isEqualTo(14);
        assertThat(new SourceLocation(3, 99).offsetIn(TEXT)).isEqualTo(TEXT.length());
        assertThat(new SourceLocation(9, 1).offsetIn(TEXT)).isEqualTo(14); // past the last line: on the last line
    }

    @Test
    void aLocationInEmbeddedTextMovesByWhereThatTextStarts() {
        SourceLocation origin = new SourceLocation(1, 19); // "CREATE TABLE x AS SELECT ..."
        assertThat(new SourceLocation(1, 8).within(origin)).isEqualTo(new SourceLocation(1, 26));
        assertThat(new SourceLocation(2, 8).within(origin)).isEqualTo(new SourceLocation(2, 8));
        assertThat(new SourceLocation(1, 8).within(new SourceLocation(3, 1))).isEqualTo(new SourceLocation(3, 8));
    }

    @Test
    void linesAndColumnsStartAtOne() {
        assertThatThrownBy(() -> new SourceLocation(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SourceLocation(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
