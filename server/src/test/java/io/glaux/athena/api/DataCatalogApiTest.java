package io.glaux.athena.api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.ConnectionType;
import software.amazon.awssdk.services.athena.model.DataCatalog;
import software.amazon.awssdk.services.athena.model.DataCatalogStatus;
import software.amazon.awssdk.services.athena.model.DataCatalogSummary;
import software.amazon.awssdk.services.athena.model.DataCatalogType;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.ListDataCatalogsRequest;
import software.amazon.awssdk.services.athena.model.ListDataCatalogsResponse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The data catalog operations through the AWS SDK for Java v2. */
class DataCatalogApiTest {

    private static final String FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:dynamo-connector";

    @TempDir
    Path data;

    private SdkServer glaux;
    private AthenaClient athena;

    @BeforeEach
    void start() throws Exception {
        glaux = new SdkServer(data);
        athena = glaux.athena();
    }

    @AfterEach
    void stop() throws Exception {
        glaux.close();
    }

    @Test
    void aCreatedCatalogIsDescribedWithExactlyWhatWasGiven() {
        DataCatalog created = athena.createDataCatalog(b -> b.name("dynamo").type(DataCatalogType.LAMBDA)
                .description("DynamoDB tables").parameters(Map.of("function", FUNCTION))
                .tags(t -> t.key("team").value("data"))).dataCatalog();
        assertThat(created.name()).isEqualTo("dynamo");

        DataCatalog got = athena.getDataCatalog(b -> b.name("dynamo")).dataCatalog();
        assertThat(got.name()).isEqualTo("dynamo");
        assertThat(got.type()).isEqualTo(DataCatalogType.LAMBDA);
        assertThat(got.description()).isEqualTo("DynamoDB tables");
        assertThat(got.parameters()).containsExactly(Map.entry("function", FUNCTION));
        assertThat(got.status()).isEqualTo(DataCatalogStatus.CREATE_COMPLETE);
        assertThat(got.connectionType()).isNull();
        assertThat(got.error()).isNull();

        assertThat(athena.getDataCatalog(b -> b.name("DYNAMO")).dataCatalog().name()).isEqualTo("dynamo");
    }

    @Test
    void listingStartsWithAwsDataCatalogAndPagesThroughTheSdkPaginator() {
        for (int i = 1; i <= 6; i++) {
            String name = "glue_" + i;
            athena.createDataCatalog(b -> b.name(name).type(DataCatalogType.GLUE)
                    .parameters(Map.of("catalog-id", "123456789012")));
        }
        athena.createDataCatalog(b -> b.name("mysql").type(DataCatalogType.FEDERATED)
                .parameters(Map.of("connection-type", "MYSQL", "connection-properties", "{\"host\":\"db\"}")));

        List<DataCatalogSummary> all = new ArrayList<>();
        int pages = 0;
        for (ListDataCatalogsResponse page : athena.listDataCatalogsPaginator(ListDataCatalogsRequest.builder()
                .maxResults(3).build())) {
            pages++;
            assertThat(page.dataCatalogsSummary()).hasSizeLessThanOrEqualTo(3);
            all.addAll(page.dataCatalogsSummary());
        }
        assertThat(pages).isEqualTo(3);
        assertThat(all).extracting(DataCatalogSummary::catalogName).containsExactly("AwsDataCatalog", "glue_1",
                "glue_2", "glue_3", "glue_4", "glue_5", "glue_6", "mysql");
        DataCatalogSummary builtIn = all.get(0);
        assertThat(builtIn.type()).isEqualTo(DataCatalogType.GLUE);
        assertThat(builtIn.status()).isNull();
        DataCatalogSummary mysql = all.get(7);
        assertThat(mysql.type()).isEqualTo(DataCatalogType.FEDERATED);
        assertThat(mysql.status()).isEqualTo(DataCatalogStatus.CREATE_COMPLETE);
        assertThat(mysql.connectionType()).isEqualTo(ConnectionType.MYSQL);
        assertThat(all.get(1).status()).isEqualTo(DataCatalogStatus.CREATE_COMPLETE);
        assertThat(all.get(1).connectionType()).isNull();

        assertThat(athena.listDataCatalogs(b -> b.build()).dataCatalogsSummary()).hasSize(8);
        assertThatThrownBy(() -> athena.listDataCatalogs(b -> b.nextToken("garbage")))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("Invalid NextToken");
    }

    @Test
    void updateReplacesTheGivenFieldsAndDeleteReturnsTheCatalog() {
        athena.createDataCatalog(b -> b.name("hive").type(DataCatalogType.HIVE).description("old")
                .parameters(Map.of("metadata-function", FUNCTION)));
        athena.updateDataCatalog(b -> b.name("hive").type(DataCatalogType.HIVE)
                .parameters(Map.of("metadata-function", FUNCTION, "sdk-version", "1.0")));
        DataCatalog updated = athena.getDataCatalog(b -> b.name("hive")).dataCatalog();
        assertThat(updated.description()).isEqualTo("old");
        assertThat(updated.parameters()).containsExactly(Map.entry("metadata-function", FUNCTION),
                Map.entry("sdk-version", "1.0"));

        athena.updateDataCatalog(b -> b.name("hive").type(DataCatalogType.LAMBDA).description("now a connector")
                .parameters(Map.of("metadata-function", FUNCTION, "record-function", FUNCTION)));
        DataCatalog retyped = athena.getDataCatalog(b -> b.name("hive")).dataCatalog();
        assertThat(retyped.type()).isEqualTo(DataCatalogType.LAMBDA);
        assertThat(retyped.description()).isEqualTo("now a connector");

        DataCatalog deleted = athena.deleteDataCatalog(b -> b.name("hive")).dataCatalog();
        assertThat(deleted.name()).isEqualTo("hive");
        assertThat(deleted.type()).isEqualTo(DataCatalogType.LAMBDA);
        assertThatThrownBy(() -> athena.getDataCatalog(b -> b.name("hive")))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("DataCatalog hive was not found.");
        assertThatThrownBy(() -> athena.deleteDataCatalog(b -> b.name("hive")))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("DataCatalog hive was not found.");
        assertThatThrownBy(() -> athena.updateDataCatalog(b -> b.name("hive").type(DataCatalogType.GLUE)
                .parameters(Map.of("catalog-id", "1")))).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("DataCatalog hive was not found.");
    }

    @Test
    void awsDataCatalogIsListedButNeitherDescribedNorChangeable() {
        assertThatThrownBy(() -> athena.getDataCatalog(b -> b.name("AwsDataCatalog")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("DataCatalog AwsDataCatalog was not found.");
        assertThatThrownBy(() -> athena.deleteDataCatalog(b -> b.name("AwsDataCatalog")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("The default data catalog AwsDataCatalog cannot be deleted.");
        assertThatThrownBy(() -> athena.updateDataCatalog(b -> b.name("awsdatacatalog").type(DataCatalogType.GLUE)
                .description("mine"))).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("The default data catalog AwsDataCatalog cannot be modified.");
        assertThatThrownBy(() -> athena.createDataCatalog(b -> b.name("AWSDATACATALOG").type(DataCatalogType.GLUE)
                .parameters(Map.of("catalog-id", "123456789012")))).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("DataCatalog AwsDataCatalog already exists.");
        assertThat(athena.listDataCatalogs(b -> b.build()).dataCatalogsSummary())
                .extracting(DataCatalogSummary::catalogName).containsExactly("AwsDataCatalog");
    }

    @Test
    void badRequestsAreInvalidRequestsNamingTheMember() {
        assertThatThrownBy(() -> athena.createDataCatalog(b -> b.name("x").type("MONGO")
                .parameters(Map.of("function", FUNCTION)))).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("1 validation error detected: Value 'MONGO' at 'type' failed to satisfy"
                        + " constraint: Member must satisfy enum value set: [LAMBDA, GLUE, HIVE, FEDERATED]");
        assertThatThrownBy(() -> athena.createDataCatalog(b -> b.name("x")
                .parameters(Map.of("function", FUNCTION)))).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("1 validation error detected: Value null at 'type' failed to satisfy"
                        + " constraint: Member must not be null");
        assertThatThrownBy(() -> athena.createDataCatalog(b -> b.name("x".repeat(257)).type(DataCatalogType.LAMBDA)
                .parameters(Map.of("function", FUNCTION)))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("at 'name' failed to satisfy constraint: Member must have length less than or"
                        + " equal to 256");
        assertThatThrownBy(() -> athena.createDataCatalog(b -> b.name("x").type(DataCatalogType.LAMBDA)
                .description("").parameters(Map.of("function", FUNCTION)))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("at 'description' failed to satisfy constraint: Member must have length greater"
                        + " than or equal to 1");
        assertThatThrownBy(() -> athena.createDataCatalog(b -> b.name("x").type(DataCatalogType.LAMBDA)
                .parameters(Map.of("k".repeat(256), FUNCTION)))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("at 'parameters' failed to satisfy constraint: Map keys must satisfy constraint");
        assertThatThrownBy(() -> athena.createDataCatalog(b -> b.name("x").type(DataCatalogType.LAMBDA)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("function=<lambda_arn>");
        assertThatThrownBy(() -> athena.createDataCatalog(b -> b.name("with space").type(DataCatalogType.LAMBDA)
                .parameters(Map.of("function", FUNCTION)))).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("Invalid data catalog name 'with space'");
        assertThatThrownBy(() -> athena.createDataCatalog(b -> b.name("x").type(DataCatalogType.LAMBDA)
                .parameters(Map.of("function", FUNCTION)).tags(t -> t.key("aws:owner").value("me"))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("reserved");
        assertThatThrownBy(() -> athena.listDataCatalogs(b -> b.maxResults(1)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("1 validation error detected: Value '1' at 'maxResults' failed to satisfy"
                        + " constraint: Member must have value greater than or equal to 2");
        athena.createDataCatalog(b -> b.name("glue").type(DataCatalogType.GLUE)
                .parameters(Map.of("catalog-id", "123456789012")));
        assertThatThrownBy(() -> athena.deleteDataCatalog(b -> b.name("glue").deleteCatalogOnly(true)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("FEDERATED");
        assertThatThrownBy(() -> athena.createDataCatalog(b -> b.name("Glue").type(DataCatalogType.GLUE)
                .parameters(Map.of("catalog-id", "123456789012")))).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("DataCatalog glue already exists.");
        assertThat(athena.listDataCatalogs(b -> b.build()).dataCatalogsSummary()).hasSize(2);
    }

    @Test
    void catalogsAndTheirTagsSurviveARestart() throws Exception {
        athena.createDataCatalog(b -> b.name("dynamo").type(DataCatalogType.LAMBDA).description("DynamoDB")
                .parameters(Map.of("function", FUNCTION)).tags(t -> t.key("team").value("data")));
        athena.createDataCatalog(b -> b.name("dropped").type(DataCatalogType.LAMBDA)
                .parameters(Map.of("function", FUNCTION)));
        athena.deleteDataCatalog(b -> b.name("dropped"));

        glaux.restart();
        athena = glaux.athena();

        DataCatalog dynamo = athena.getDataCatalog(b -> b.name("dynamo")).dataCatalog();
        assertThat(dynamo.description()).isEqualTo("DynamoDB");
        assertThat(dynamo.parameters()).containsExactly(Map.entry("function", FUNCTION));
        assertThat(athena.listDataCatalogs(b -> b.build()).dataCatalogsSummary())
                .extracting(DataCatalogSummary::catalogName).containsExactly("AwsDataCatalog", "dynamo");
        assertThat(athena.listTagsForResource(b -> b.resourceARN(
                "arn:aws:athena:us-east-1:000000000000:datacatalog/dynamo")).tags())
                .extracting(t -> t.key() + "=" + t.value()).containsExactly("team=data");
    }
}
