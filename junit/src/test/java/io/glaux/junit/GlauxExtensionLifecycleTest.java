package io.glaux.junit;

import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs small test classes with JUnit's test kit and checks what the extension did around them. */
class GlauxExtensionLifecycleTest {

    /** Servers seen by the classes below, in the order seen. */
    static final List<GlauxServer> SEEN = new ArrayList<>();

    @Test
    void eachClassGetsItsOwnServerWhichIsStoppedAndDeletedAfterIt() {
        SEEN.clear();
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(TwoTests.class), selectClass(AnotherClass.class))
                .execute().testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));

        assertThat(SEEN).hasSize(3);
        assertThat(SEEN.get(0)).isSameAs(SEEN.get(1));
        assertThat(SEEN.get(2)).isNotSameAs(SEEN.get(0));
        for (GlauxServer server : List.of(SEEN.get(0), SEEN.get(2))) {
            assertThatThrownBy(() -> new Socket("127.0.0.1", server.port()).close()).isInstanceOf(IOException.class);
            Path data = server.glaux().dataFolder();
            assertThat(Files.exists(data)).as("data folder %s", data).isFalse();
        }
    }

    static class TwoTests {
        @RegisterExtension
        final GlauxExtension glaux = GlauxExtension.empty();

        @Test
        void one(GlauxServer server) {
            SEEN.add(server);
        }

        @Test
        void two() {
            SEEN.add(glaux.server());
        }
    }

    static class AnotherClass {
        @RegisterExtension
        static final GlauxExtension glaux = GlauxExtension.empty();

        @Test
        void one() {
            SEEN.add(glaux.server());
        }
    }
}
