package io.glaux.athena.api;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.athena.model.EngineVersion;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.ListEngineVersionsResponse;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ListEngineVersions through the AWS SDK for Java v2. */
class EngineVersionApiTest {

    @TempDir
    static Path data;

    private static SdkServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new SdkServer(data);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String pair(EngineVersion version) {
        return version.selectedEngineVersion() + " -> " + version.effectiveEngineVersion();
    }

    @Test
    void autoAndVersionThreeAreListed() {
        ListEngineVersionsResponse all = server.athena().listEngineVersions(b -> b.build());
        assertThat(all.engineVersions()).extracting(EngineVersionApiTest::pair).containsExactly(
                "AUTO -> Athena engine version 3", "Athena engine version 3 -> Athena engine version 3");
        assertThat(all.nextToken()).isNull();
    }

    @Test
    void versionsPageOneAtATime() {
        ListEngineVersionsResponse first = server.athena().listEngineVersions(b -> b.maxResults(1));
        assertThat(first.engineVersions()).extracting(EngineVersionApiTest::pair)
                .containsExactly("AUTO -> Athena engine version 3");
        ListEngineVersionsResponse second = server.athena().listEngineVersions(b -> b.maxResults(1)
                .nextToken(first.nextToken()));
        assertThat(second.engineVersions()).extracting(EngineVersionApiTest::pair)
                .containsExactly("Athena engine version 3 -> Athena engine version 3");
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void maxResultsIsOneToTen() {
        assertThatThrownBy(() -> server.athena().listEngineVersions(b -> b.maxResults(11)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("1 validation error detected: Value '11' at 'maxResults' failed to satisfy"
                        + " constraint: Member must have value less than or equal to 10");
        assertThatThrownBy(() -> server.athena().listEngineVersions(b -> b.maxResults(0)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Member must have value greater than or equal to 1");
    }
}
