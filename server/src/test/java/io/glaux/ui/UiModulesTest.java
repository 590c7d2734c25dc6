package io.glaux.ui;

import io.glaux.athena.api.ExternalClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The UI's own logic (signing, chart options, definitions, costs), tested in Node.js by src/test/js/*.test.mjs. */
@Tag("clients")
class UiModulesTest {

    @Test
    void browserModulesPassTheirNodeTests() throws Exception {
        Path node = ExternalClient.requireAny(List.of(Path.of("/usr/bin/node"), Path.of("/usr/local/bin/node")),
                "install Node.js 20+");
        Path tests = Path.of("src", "test", "js").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(node.toString(), "--test"));
        try (Stream<Path> files = Files.list(tests)) {
            files.filter(f -> f.getFileName().toString().endsWith(".test.mjs")).sorted()
                    .forEach(f -> command.add(f.toString()));
        }
        assertThat(command).hasSizeGreaterThan(2);
        ExternalClient.Result result = ExternalClient.run(command, tests, Map.of(), Duration.ofMinutes(2));
        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).as(result.describe()).contains("# fail 0");
    }
}
