package io.glaux.results;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AthenaCsvTest {

    private static String write(String[]... rows) throws IOException {
        StringWriter out = new StringWriter();
        for (String[] row : rows) {
            AthenaCsv.writeRow(out, row);
        }
        return out.toString();
    }

    @Test
    void quotesEveryNonNullValueAndLeavesNullEmpty() throws IOException {
        assertThat(write(new String[] {"a", null, "", "say \"hi\"", "x,y", "line\nbreak"}))
                .isEqualTo("\"a\",,\"\",\"say \"\"hi\"\"\",\"x,y\",\"line\nbreak\"\n");
    }

    @Test
    void readingIsTheInverseOfWriting() throws IOException {
        String[] first = {"a", null, "", "say \"hi\"", "x,y", "line\nbreak"};
        String[] second = {null, null, "z", null, "", "é"};
        AthenaCsv.RowReader reader = new AthenaCsv.RowReader(new StringReader(write(first, second)));
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row = reader.next(); row != null; row = reader.next()) {
            rows.add(row);
        }
        assertThat(rows).containsExactly(Arrays.asList(first), Arrays.asList(second));
    }

    @Test
    void singleNullColumnRoundTrips() throws IOException {
        AthenaCsv.RowReader reader = new AthenaCsv.RowReader(new StringReader(write(new String[] {null},
                new String[] {""})));
        assertThat(reader.next()).containsExactly((String) null);
        assertThat(reader.next()).containsExactly("");
        assertThat(reader.next()).isNull();
    }

    @Test
    void malformedInputIsReported() {
        assertThatThrownBy(() -> new AthenaCsv.RowReader(new StringReader("\"open")).next())
                .hasMessageContaining("Unterminated");
        assertThatThrownBy(() -> new AthenaCsv.RowReader(new StringReader("\"a\"x\n")).next())
                .hasMessageContaining("Malformed");
    }
}
