package io.glaux.connectors.federation;

import io.glaux.connector.ScanRequest;
import io.glaux.connector.SchemaTableName;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.storage.LocalFolderStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How failing and misbehaving functions fail a query. */
class FederationErrorsTest {

    @TempDir
    Path folder;

    private LocalFolderStore store;
    private SdkFunction function;

    @BeforeEach
    void start() throws Exception {
        store = new LocalFolderStore(folder);
        function = new SdkFunction(store, true);
    }

    private FederationConnector connector(FederationFunction f) {
        return new FederationConnector("sales_catalog", f, SpilledObjects.of(store), FederationSettings.DEFAULTS);
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aConnectorThatThrowsWhileReadingFailsInAthenasShapeNamingTheSplit() {
        try (FederationConnector connector = connector(function)) {
            ScanRequest request = Scans.request(connector, "broken", List.of("id"), Map.of());

            assertThatThrownBy(() -> Scans.rows(connector, request)).isInstanceOfSatisfying(GlauxException.class,
                    e -> {
                        assertThat(e.type()).isEqualTo(ErrorType.USER_ERROR);
                        assertThat(e.getMessage()).matches("GENERIC_USER_ERROR: Encountered an exception"
                                + "\\[java.lang.IllegalStateException] from your LambdaFunction\\["
                                + "arn:aws:lambda:us-east-1:000000000000:function:sales] executed in context"
                                + "\\[S3SpillLocation\\{bucket='glaux-spill', key='athena-spill/"
                                + Scans.QUERY_ID + "/[0-9a-f-]+', directory=true}] with message"
                                + "\\[the disk is on fire]");
                    });
            assertThat(connector.openReaders()).as("the failed reader's memory is released").isZero();
        }
    }

    @Test
    void aConnectorThatThrowsOnMetadataFailsInTheContextOfRetrievingMetaData() {
        try (FederationConnector connector = connector(function)) {
            assertThatThrownBy(() -> connector.metadata().getTable(new SchemaTableName("sales", "broken_meta")))
                    .hasMessage("GENERIC_USER_ERROR: Encountered an exception[java.lang.IllegalStateException] from"
                            + " your LambdaFunction[" + SdkFunction.ARN + "] executed in context[retrieving"
                            + " meta-data] with message[the metastore is down]");
        }
    }

    @Test
    void lambdasErrorDocumentAsTheResponseIsAFunctionError() {
        FederationFunction failing = new RewritingFunction(function, (type, delegate) -> type.equals("PingRequest")
                ? delegate.get()
                : json("{\"errorType\":\"java.lang.OutOfMemoryError\",\"errorMessage\":\"Java heap space\"}"));
        try (FederationConnector connector = connector(failing)) {
            assertThatThrownBy(() -> connector.metadata().listSchemas()).hasMessage("GENERIC_USER_ERROR:"
                    + " Encountered an exception[java.lang.OutOfMemoryError] from your LambdaFunction["
                    + SdkFunction.ARN + "] executed in context[retrieving meta-data] with message[Java heap space]");
        }
    }

    @Test
    void aResponseThatIsNotJsonFailsSayingSo() {
        try (FederationConnector connector = connector(new RewritingFunction(function,
                (type, delegate) -> json("<html>502 Bad Gateway</html>")))) {
            assertThatThrownBy(() -> connector.metadata().listSchemas()).isInstanceOfSatisfying(
                    GlauxException.class, e -> {
                        assertThat(e.type()).isEqualTo(ErrorType.USER_ERROR);
                        assertThat(e.getMessage()).startsWith("GENERIC_USER_ERROR: The response of your"
                                + " LambdaFunction[" + SdkFunction.ARN + "] executed in context[retrieving"
                                + " meta-data] is not a valid PingResponse: it is not JSON (Unexpected character");
                    });
        }
    }

    @Test
    void aResponseOfTheWrongTypeOrWithoutItsFieldsFailsNamingWhatIsWrong() {
        try (FederationConnector connector = connector(new RewritingFunction(function, (type, delegate) ->
                type.equals("PingRequest") ? delegate.get() : json("{\"@type\":\"ListTablesResponse\"}")))) {
            assertThatThrownBy(() -> connector.metadata().listSchemas()).hasMessageEndingWith(
                    "is not a valid ListSchemasResponse: its @type is \"ListTablesResponse\"");
        }
        try (FederationConnector connector = connector(new RewritingFunction(function, (type, delegate) ->
                type.equals("PingRequest") ? delegate.get()
                        : json("{\"@type\":\"ListSchemasResponse\",\"catalogName\":\"x\"}")))) {
            assertThatThrownBy(() -> connector.metadata().listSchemas())
                    .hasMessageEndingWith("is not a valid ListSchemasResponse: it has no schemas");
        }
    }

    @Test
    void aRecordBatchThatIsNotArrowFailsTheRead() {
        FederationFunction garbled = new RewritingFunction(function, (type, delegate) -> {
            byte[] answer = delegate.get();
            return type.equals("ReadRecordsRequest") ? new String(answer, StandardCharsets.UTF_8)
                    .replaceFirst("\"records\":\"[^\"]+\"", "\"records\":\"AAAA\"").getBytes(StandardCharsets.UTF_8)
                    : answer;
        });
        try (FederationConnector connector = connector(garbled)) {
            ScanRequest request = Scans.request(connector, "customers", List.of("id"), Map.of());

            assertThatThrownBy(() -> Scans.rows(connector, request)).hasMessageContaining(
                    "is not a valid ReadRecordsResponse: its records are not an Arrow record batch");
        }
    }

    @Test
    void aTransportFailureFailsTheQueryAsTheTransportSaidIt() {
        GlauxException down = new GlauxException(ErrorType.INTERNAL_SERVICE_ERROR, "The function sales is not"
                + " running");
        try (FederationConnector connector = connector(new RewritingFunction(function, (type, delegate) -> {
            throw down;
        }))) {
            assertThatThrownBy(() -> connector.metadata().listSchemas()).isSameAs(down);
        }
    }

    @Test
    void aFunctionThatSpeaksOnlySerdeVersionOneIsRefused() {
        try (FederationConnector connector = connector(new RewritingFunction(function, (type, delegate) ->
                json("{\"@type\":\"PingResponse\",\"catalogName\":\"c\",\"queryId\":\"q\",\"sourceType\":\"s\","
                        + "\"capabilities\":23}")))) {
            assertThatThrownBy(() -> connector.metadata().listSchemas()).hasMessage("GENERIC_USER_ERROR: Your"
                    + " LambdaFunction[" + SdkFunction.ARN + "] speaks serde version 1 of the Athena Query Federation"
                    + " SDK; Glaux speaks versions 2 to 6");
        }
    }

    @Test
    void aNextTokenGivenTwiceIsAnErrorNotAnEndlessListing() {
        try (FederationConnector connector = connector(new RewritingFunction(function, (type, delegate) ->
                type.equals("PingRequest") ? delegate.get() : json("{\"@type\":\"ListTablesResponse\","
                        + "\"tables\":[],\"catalogName\":\"c\",\"nextToken\":\"again\"}")))) {
            assertThatThrownBy(() -> connector.metadata().listTables("sales"))
                    .hasMessageEndingWith("is not a valid ListTablesResponse: it gives the nextToken again a second"
                            + " time");
        }
    }
}
