package io.glaux.cli;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class StartTablesTest {

    @Test
    void theTablesAreBuiltOnADaemonThreadThatEndsWithoutHoldingTheProcess() throws Exception {
        Thread building = StartTables.startBuilding();

        assertThat(building.getName()).isEqualTo("glaux-start-tables");
        assertThat(building.isDaemon()).isTrue();
        building.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(building.isAlive()).isFalse();
    }
}
