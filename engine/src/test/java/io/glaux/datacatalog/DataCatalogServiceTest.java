package io.glaux.datacatalog;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataCatalogServiceTest {

    @TempDir
    Path folder;

    private static final Map<String, String> LAMBDA = Map.of("function",
            "arn:aws:lambda:us-east-1:000000000000:function:dynamo");

    @Test
    void awsDataCatalogIsAlwaysListedFirstAndCannotBeCreatedChangedOrDeleted() {
        DataCatalogService service = new DataCatalogService(folder);
        service.create("zeta", DataCatalogType.LAMBDA, null, LAMBDA, null);
        service.create("Alpha", DataCatalogType.GLUE, "other account", Map.of("catalog-id", "123456789012"), null);
        assertThat(service.list()).extracting(DataCatalog::name).containsExactly("AwsDataCatalog", "Alpha", "zeta");
        assertThat(service.find("awsdatacatalog")).get().extracting(DataCatalog::type)
                .isEqualTo(DataCatalogType.GLUE);
        assertThat(service.registered("AwsDataCatalog")).isEmpty();

        assertThatThrownBy(() -> service.create("awsdatacatalog", DataCatalogType.GLUE, null,
                Map.of("catalog-id", "1"), null)).hasMessage("DataCatalog AwsDataCatalog already exists.");
        assertThatThrownBy(() -> service.delete("AwsDataCatalog"))
                .hasMessage("The default data catalog AwsDataCatalog cannot be deleted.");
        assertThatThrownBy(() -> service.update("AwsDataCatalog", DataCatalogType.GLUE, "x", null))
                .hasMessage("The default data catalog AwsDataCatalog cannot be modified.");
    }

    @Test
    void catalogsSurviveARestartAndDeletingRemovesTheFile() throws Exception {
        DataCatalogService first = new DataCatalogService(folder);
        first.create("Dynamo", DataCatalogType.LAMBDA, "tables in DynamoDB", LAMBDA, Map.of("team", "data"));
        first.update("dynamo", DataCatalogType.LAMBDA, "DynamoDB tables", null);
        first.create("gone", DataCatalogType.HIVE, null, Map.of("metadata-function", "arn:h"), null);
        first.delete("GONE");

        DataCatalogService second = new DataCatalogService(folder);
        DataCatalog dynamo = second.registered("DYNAMO").orElseThrow();
        assertThat(dynamo.name()).isEqualTo("Dynamo");
        assertThat(dynamo.description()).isEqualTo("DynamoDB tables");
        assertThat(dynamo.parameters()).isEqualTo(LAMBDA);
        assertThat(dynamo.tags()).isEqualTo(Map.of("team", "data"));
        assertThat(dynamo.creationTime()).isNotNull();
        assertThat(second.registered("gone")).isEmpty();
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("dynamo.json");
        }
    }

    @Test
    void namesAreUniqueWithoutRegardToCaseAndLimitedToTheDocumentedCharacters() {
        DataCatalogService service = new DataCatalogService(folder);
        service.create("sales_db@team-1", DataCatalogType.LAMBDA, null, LAMBDA, null);
        assertThatThrownBy(() -> service.create("SALES_DB@TEAM-1", DataCatalogType.LAMBDA, null, LAMBDA, null))
                .isInstanceOf(GlauxException.class).hasMessage("DataCatalog sales_db@team-1 already exists.")
                .extracting(e -> ((GlauxException) e).type()).isEqualTo(ErrorType.ALREADY_EXISTS);
        assertThatThrownBy(() -> service.create("has space", DataCatalogType.LAMBDA, null, LAMBDA, null))
                .hasMessageStartingWith("Invalid data catalog name 'has space'");
        assertThatThrownBy(() -> service.create("x".repeat(128), DataCatalogType.LAMBDA, null, LAMBDA, null))
                .hasMessageContaining("at most 127");
        assertThatThrownBy(() -> service.delete("nope")).hasMessage("DataCatalog nope was not found.");
    }

    @Test
    void parametersMustFitTheType() {
        DataCatalogService service = new DataCatalogService(folder);
        assertThatThrownBy(() -> service.create("l", DataCatalogType.LAMBDA, null,
                Map.of("metadata-function", "arn:m"), null)).hasMessageContaining("record-function");
        assertThatThrownBy(() -> service.create("l", DataCatalogType.LAMBDA, null,
                Map.of("function", "arn:f", "metadata-function", "arn:m", "record-function", "arn:r"), null))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> service.create("h", DataCatalogType.HIVE, null, Map.of(), null))
                .hasMessageContaining("metadata-function");
        assertThatThrownBy(() -> service.create("g", DataCatalogType.GLUE, null, null, null))
                .hasMessageContaining("catalog-id");
        assertThatThrownBy(() -> service.create("f", DataCatalogType.FEDERATED, null,
                Map.of("connection-type", "MONGO"), null)).hasMessageContaining("Unknown connection-type 'MONGO'");

        DataCatalog split = service.create("split", DataCatalogType.LAMBDA, null,
                Map.of("metadata-function", "arn:m", "record-function", "arn:r"), null);
        assertThat(split.connectionType()).isNull();
        DataCatalog federated = service.create("mysql", DataCatalogType.FEDERATED, null,
                Map.of("connection-type", "MYSQL", "connection-properties", "{}"), null);
        assertThat(federated.connectionType()).isEqualTo("MYSQL");
        // An update is checked against the type it leaves the catalog with.
        assertThatThrownBy(() -> service.update("split", DataCatalogType.GLUE, null, null))
                .hasMessageContaining("catalog-id");
        assertThat(service.registered("split").orElseThrow().type()).isEqualTo(DataCatalogType.LAMBDA);
    }
}
