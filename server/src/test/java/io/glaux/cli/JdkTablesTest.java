package io.glaux.cli;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class JdkTablesTest {

    @Test
    void theTablesAreBuiltOnADaemonThreadThatEndsWithoutHoldingTheProcess() throws Exception {
        Thread building = JdkTables.startBuilding();

        assertThat(building.getName()).isEqualTo("glaux-jdk-tables");
        assertThat(building.isDaemon()).isTrue();
        building.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(building.isAlive()).isFalse();
    }
}
