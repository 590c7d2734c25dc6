package io.glaux.format.text;

import io.glaux.testing.BytesObjectSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Differential: {@link ByteLineReader} gives {@link LineReader}'s records and line numbers on the same bytes. */
class ByteLineReaderTest {

    @Test
    void sameRecordsAndLineNumbersAsTheCharacterReader() throws IOException {
        Random random = new Random(15);
        String[] pieces = {"a", "bc", "\n", "\r", "\r\n", "\\", "\\\n", "\\\r", "é", "😀", ",", "\\\\", "x\\"};
        for (int sample = 0; sample < 3000; sample++) {
            StringBuilder text = new StringBuilder();
            int count = random.nextInt(30);
            for (int i = 0; i < count; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            int escape = random.nextBoolean() ? '\\' : LineReader.NO_ESCAPE;
            assertThat(byteRecords(bytes, escape, 1 + random.nextInt(4)))
                    .as("%s with escape %d", text, escape).isEqualTo(charRecords(bytes, escape));
        }
    }

    @Test
    void recordsLongerThanTheBufferGrowIt() throws IOException {
        String record = "é".repeat(70_000) + "x".repeat(100_000);
        byte[] bytes = (record + "\n" + record + "\r\n" + "short").getBytes(StandardCharsets.UTF_8);
        assertThat(byteRecords(bytes, LineReader.NO_ESCAPE, 65_536)).isEqualTo(charRecords(bytes,
                LineReader.NO_ESCAPE)).as("three records and the next line").hasSize(4);
    }

    @Test
    void partsCutAtAnyBytesTogetherReadEachRecordOnce() throws IOException {
        Random random = new Random(16);
        String[] pieces = {"a", "bc", "\n", "\r", "\r\n", "é", "😀", ",", "\n\n"};
        for (int sample = 0; sample < 2000; sample++) {
            StringBuilder text = new StringBuilder();
            int count = random.nextInt(40);
            for (int i = 0; i < count; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            List<String> whole = new ArrayList<>();
            for (String record : byteRecords(bytes, LineReader.NO_ESCAPE, 7)) {
                if (!record.startsWith("next line")) {
                    whole.add(record.substring(record.indexOf(':') + 1));
                }
            }
            // Cut points anywhere, inside characters and CR LF pairs too.
            List<Integer> cuts = new ArrayList<>(List.of(0));
            for (int at = 0; at < bytes.length; at += 1 + random.nextInt(6)) {
                if (at > 0) {
                    cuts.add(at);
                }
            }
            cuts.add(bytes.length);
            List<String> parts = new ArrayList<>();
            for (int i = 0; i + 1 < cuts.size(); i++) {
                long from = cuts.get(i);
                long streamStart = from == 0 ? 0 : from - 1;
                InputStream in = new Trickle(java.util.Arrays.copyOfRange(bytes, (int) streamStart, bytes.length),
                        1 + random.nextInt(5));
                try (ByteLineReader lines = ByteLineReader.ofRange(in, from, cuts.get(i + 1))) {
                    while (lines.next()) {
                        parts.add(new String(lines.buffer(), lines.start(), lines.end() - lines.start(),
                                StandardCharsets.UTF_8));
                    }
                }
            }
            assertThat(parts).as("%s cut at %s", text, cuts).isEqualTo(whole);
        }
    }

    /** Each record and the line it starts on, as the character reader gives them. */
    private static List<String> charRecords(byte[] bytes, int escape) throws IOException {
        List<String> records = new ArrayList<>();
        try (LineReader lines = new LineReader(TextInput.open(new BytesObjectSource("s3://b/k",
                bytes)), escape)) {
            String record;
            while ((record = lines.next()) != null) {
                records.add(lines.lineNumber() + ":" + record);
            }
            records.add("next line " + lines.nextLineNumber());
        }
        return records;
    }

    /** The same from the byte reader, fed at most {@code chunk} bytes a read. */
    private static List<String> byteRecords(byte[] bytes, int escape, int chunk) throws IOException {
        List<String> records = new ArrayList<>();
        try (ByteLineReader lines = new ByteLineReader(new Trickle(bytes, chunk), escape)) {
            while (lines.next()) {
                records.add(lines.lineNumber() + ":" + new String(lines.buffer(), lines.start(),
                        lines.end() - lines.start(), StandardCharsets.UTF_8));
            }
            records.add("next line " + lines.nextLineNumber());
        }
        return records;
    }

    /** Hands out at most a few bytes per read, so records straddle every refill. */
    private static final class Trickle extends InputStream {
        private final ByteArrayInputStream in;
        private final int chunk;

        Trickle(byte[] bytes, int chunk) {
            this.in = new ByteArrayInputStream(bytes);
            this.chunk = chunk;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return in.read(buffer, offset, Math.min(length, chunk));
        }
    }
}
