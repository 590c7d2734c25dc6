package io.glaux.junit;

import io.glaux.Glaux;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @ExtendWith(GlauxExtension.class)}: the sample dataset, everything injected as parameters. */
@ExtendWith(GlauxExtension.class)
class GlauxExtensionAnnotationTest {

    private final GlauxServer server;

    GlauxExtensionAnnotationTest(GlauxServer server) {
        this.server = server;
    }

    @Test
    void theSampleDatasetAnswersThroughTheInjectedAthenaClient(AthenaClient athena) throws Exception {
        List<List<String>> rows = Queries.rows(athena, "SELECT count(*) AS n FROM shop.products");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsExactly("n");
        assertThat(Long.parseLong(rows.get(1).get(0))).isPositive();
    }

    @Test
    void everyInjectedValueDescribesTheSameServer(GlauxServer injected, Glaux glaux, URI endpoint) {
        assertThat(injected).isSameAs(server);
        assertThat(glaux).isSameAs(server.glaux());
        assertThat(endpoint).isEqualTo(URI.create(server.endpoint()));
        assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
        assertThat(server.port()).isPositive();
        assertThat(server.servesS3()).isTrue();
    }

    @Test
    void objectsPutThroughTheInjectedS3ClientAreQueryable(S3Client s3, AthenaClient athena) throws Exception {
        s3.createBucket(b -> b.bucket("extension-test"));
        s3.putObject(b -> b.bucket("extension-test").key("letters/a.csv"), RequestBody.fromString("1,a\n2,b\n"));
        Queries.rows(athena, "CREATE EXTERNAL TABLE letters (id int, letter string) ROW FORMAT DELIMITED"
                + " FIELDS TERMINATED BY ',' LOCATION 's3://extension-test/letters/'");
        assertThat(Queries.rows(athena, "SELECT letter FROM letters ORDER BY id"))
                .containsExactly(List.of("letter"), List.of("a"), List.of("b"));
    }

    @Nested
    class InANestedClass {
        @Test
        void theOuterClassesServerIsShared(GlauxServer nested) {
            assertThat(nested).isSameAs(server);
        }
    }
}
