package io.glaux.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class StartupTimeTest {

    @Test
    void theCpuTimeIsUserAndSystemTicksAfterACommandNameWithSpacesAndParentheses() {
        String line = "4242 (java (glaux) x) S 1 4242 4242 0 -1 4194560 51234 0 12 0 137 42 0 0 20 0 31 0 900 "
                + "1000 2000 18446744073709551615";

        assertThat(StartupTime.cpuMillis(line)).isEqualTo((137 + 42) * 10);
    }

    @Test
    void aRunningProcessHasUsedSomeCpuAndAMissingOneHasNone() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "no /proc on this system");
        long busy = 0;
        for (int i = 0; i < 20_000_000; i++) {
            busy += Long.numberOfTrailingZeros(i ^ busy);
        }

        assertThat(busy).isNotZero();
        assertThat(StartupTime.cpuMillis(ProcessHandle.current().pid())).isPositive();
        assertThat(StartupTime.cpuMillis(Long.MAX_VALUE)).isEqualTo(-1);
    }
}
