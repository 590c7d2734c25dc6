package io.glaux.quicksight.api;

import io.glaux.server.GlauxServer;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.quicksight.QuickSightClient;
import software.amazon.awssdk.services.quicksight.model.AccessDeniedException;
import software.amazon.awssdk.services.quicksight.model.Analysis;
import software.amazon.awssdk.services.quicksight.model.CalculatedField;
import software.amazon.awssdk.services.quicksight.model.AnalysisDefinition;
import software.amazon.awssdk.services.quicksight.model.AnalysisError;
import software.amazon.awssdk.services.quicksight.model.AnalysisErrorType;
import software.amazon.awssdk.services.quicksight.model.AnalysisSummary;
import software.amazon.awssdk.services.quicksight.model.ConflictException;
import software.amazon.awssdk.services.quicksight.model.CreateAnalysisResponse;
import software.amazon.awssdk.services.quicksight.model.DataSetIdentifierDeclaration;
import software.amazon.awssdk.services.quicksight.model.Entity;
import software.amazon.awssdk.services.quicksight.model.InvalidNextTokenException;
import software.amazon.awssdk.services.quicksight.model.InvalidParameterValueException;
import software.amazon.awssdk.services.quicksight.model.ResourceExistsException;
import software.amazon.awssdk.services.quicksight.model.ResourceNotFoundException;
import software.amazon.awssdk.services.quicksight.model.ResourcePermission;
import software.amazon.awssdk.services.quicksight.model.ResourceStatus;
import software.amazon.awssdk.services.quicksight.model.SheetDefinition;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static io.glaux.quicksight.api.AnalysisDefinitions.MISSING;
import static io.glaux.quicksight.api.AnalysisDefinitions.SALES;
import static io.glaux.quicksight.api.QuickSightClients.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** QuickSight's analysis operations through the AWS SDK for Java v2, over a dataset the test creates. */
class AnalysisApiTest {

    private static final String ADMIN = "arn:aws:quicksight:us-east-1:000000000000:user/default/admin";
    private static final String ANALYST = "arn:aws:quicksight:us-east-1:000000000000:user/default/analyst";

    @TempDir
    Path data;

    private GlauxServer server;
    private QuickSightClient quickSight;

    @BeforeEach
    void start() throws Exception {
        server = AnalysisDefinitions.startWithSales(data);
        quickSight = QuickSightClients.quickSight(server);
        QuickSightClients.registerUsers(quickSight, "admin", "analyst");
    }

    @AfterEach
    void stop() {
        quickSight.close();
        server.close();
    }

    private CreateAnalysisResponse create(String id, AnalysisDefinition definition) {
        return quickSight.createAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId(id).name("Sales " + id)
                .definition(definition).permissions(ResourcePermission.builder().principal(ADMIN)
                        .actions("quicksight:DescribeAnalysis", "quicksight:UpdateAnalysis").build()));
    }

    @Test
    void anAnalysisIsCreatedDescribedAndItsDefinitionComesBackAsSent() {
        AnalysisDefinition definition = AnalysisDefinitions.analysis(SALES);
        CreateAnalysisResponse created = create("sales", definition);
        assertThat(created.status()).isEqualTo(202);
        assertThat(created.creationStatus()).isEqualTo(ResourceStatus.CREATION_SUCCESSFUL);
        assertThat(created.arn()).isEqualTo("arn:aws:quicksight:us-east-1:000000000000:analysis/sales");

        Analysis analysis = quickSight.describeAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId("sales"))
                .analysis();
        assertThat(analysis.name()).isEqualTo("Sales sales");
        assertThat(analysis.status()).isEqualTo(ResourceStatus.CREATION_SUCCESSFUL);
        assertThat(analysis.dataSetArns()).containsExactly(SALES);
        assertThat(analysis.hasErrors()).isFalse();
        assertThat(analysis.sheets()).extracting(s -> s.sheetId(), s -> s.name())
                .containsExactly(Tuple.tuple("overview", "Overview"));
        assertThat(analysis.createdTime()).isNotNull();

        var described = quickSight.describeAnalysisDefinition(b -> b.awsAccountId(ACCOUNT).analysisId("sales"));
        assertThat(described.definition()).isEqualTo(definition);
        assertThat(described.resourceStatus()).isEqualTo(ResourceStatus.CREATION_SUCCESSFUL);
        assertThat(described.name()).isEqualTo("Sales sales");
        assertThat(described.definition().sheets().get(0).visuals()).hasSize(3);
    }

    @Test
    void anUpdateReplacesTheDefinitionAndAFailedOneIsKeptWithItsErrors() {
        create("sales", AnalysisDefinitions.analysis(SALES));
        AnalysisDefinition renamed = AnalysisDefinitions.parts(SALES, "product", "By product").analysis();
        var updated = quickSight.updateAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId("sales").name("Renamed")
                .definition(renamed));
        assertThat(updated.updateStatus()).isEqualTo(ResourceStatus.UPDATE_SUCCESSFUL);
        var described = quickSight.describeAnalysisDefinition(b -> b.awsAccountId(ACCOUNT).analysisId("sales"));
        assertThat(described.definition()).isEqualTo(renamed);
        assertThat(described.name()).isEqualTo("Renamed");

        AnalysisDefinition broken = AnalysisDefinitions.parts(SALES, "country", "Broken").analysis();
        var failed = quickSight.updateAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId("sales").name("Broken")
                .definition(broken));
        assertThat(failed.updateStatus()).isEqualTo(ResourceStatus.UPDATE_FAILED);
        Analysis analysis = quickSight.describeAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId("sales"))
                .analysis();
        assertThat(analysis.status()).isEqualTo(ResourceStatus.UPDATE_FAILED);
        assertThat(analysis.errors()).extracting(AnalysisError::type)
                .containsExactly(AnalysisErrorType.COLUMN_REPLACEMENT_MISSING);
        assertThat(quickSight.describeAnalysisDefinition(b -> b.awsAccountId(ACCOUNT).analysisId("sales"))
                .definition()).isEqualTo(broken);
    }

    @Test
    void aMissingDatasetLeavesItCreationFailedWithQuickSightsErrors() {
        CreateAnalysisResponse created = create("orphan", AnalysisDefinitions.analysis(MISSING));
        assertThat(created.creationStatus()).isEqualTo(ResourceStatus.CREATION_FAILED);
        Analysis analysis = quickSight.describeAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId("orphan"))
                .analysis();
        assertThat(analysis.status()).isEqualTo(ResourceStatus.CREATION_FAILED);
        assertThat(analysis.errors()).singleElement().satisfies(error -> {
            assertThat(error.type()).isEqualTo(AnalysisErrorType.DATA_SET_NOT_FOUND);
            assertThat(error.message()).contains(MISSING);
            assertThat(error.violatedEntities()).extracting(Entity::path)
                    .containsExactly("data-set-identifier/sales");
        });
        var definition = quickSight.describeAnalysisDefinition(b -> b.awsAccountId(ACCOUNT).analysisId("orphan"));
        assertThat(definition.resourceStatus()).isEqualTo(ResourceStatus.CREATION_FAILED);
        assertThat(definition.errors()).hasSize(1);
        assertThat(definition.definition()).isEqualTo(AnalysisDefinitions.analysis(MISSING));
    }

    @Test
    void aMissingColumnNamesTheEntitiesThatUseIt() {
        AnalysisDefinition definition = AnalysisDefinitions.parts(SALES, "country", "Overview").analysis();
        assertThat(create("countries", definition).creationStatus()).isEqualTo(ResourceStatus.CREATION_FAILED);
        AnalysisError error = quickSight.describeAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId("countries"))
                .analysis().errors().get(0);
        assertThat(error.type()).isEqualTo(AnalysisErrorType.COLUMN_REPLACEMENT_MISSING);
        assertThat(error.message()).isEqualTo("Required column 'country' is missing in data set '" + SALES + "'");
        assertThat(error.violatedEntities()).extracting(Entity::path)
                .containsExactly("sheet/overview/visual/revenue-by-region");
    }

    @Test
    void aCalculatedFieldIsAColumnOfItsDatasetAndAnUndeclaredIdentifierIsAnError() {
        AnalysisDefinition base = AnalysisDefinitions.analysis(SALES);
        // The KPI shows the calculated field "profit": no error for it (the first test's success shows it).
        AnalysisDefinition withoutProfit = base.toBuilder().calculatedFields(List.of()).build();
        create("no-profit", withoutProfit);
        AnalysisError missing = quickSight.describeAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId("no-profit"))
                .analysis().errors().get(0);
        assertThat(missing.message()).contains("'profit'");
        assertThat(missing.violatedEntities()).extracting(Entity::path)
                .containsExactly("sheet/overview/visual/profit-kpi");

        AnalysisDefinition undeclared = base.toBuilder().dataSetIdentifierDeclarations(
                DataSetIdentifierDeclaration.builder().identifier("orders").dataSetArn(SALES).build()).build();
        create("undeclared", undeclared);
        Analysis analysis = quickSight.describeAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId("undeclared"))
                .analysis();
        assertThat(analysis.status()).isEqualTo(ResourceStatus.CREATION_FAILED);
        assertThat(analysis.errors()).singleElement().satisfies(error -> {
            assertThat(error.type()).isEqualTo(AnalysisErrorType.DATA_SET_NOT_FOUND);
            assertThat(error.message()).contains("'sales'").contains("not declared");
            assertThat(error.violatedEntities()).extracting(Entity::path).contains(
                    "sheet/overview/visual/revenue-by-region", "sheet/overview/visual/sales-table",
                    "calculated-field/profit", "filter-group/regions/filter/region-filter");
        });
    }

    @Test
    void aCalculatedFieldThatDoesNotParseIsRefusedWithItsPositionAndNothingChanges() {
        AnalysisDefinition base = AnalysisDefinitions.analysis(SALES);
        create("checked", base);
        AnalysisDefinition bad = base.toBuilder().calculatedFields(CalculatedField.builder().name("profit")
                .dataSetIdentifier("sales").expression("{revenue} - * {cost}").build()).build();
        assertThatThrownBy(() -> quickSight.updateAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId("checked")
                .name("Checked").definition(bad)))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("Calculated field 'profit'").hasMessageContaining("position 12");
        assertThatThrownBy(() -> create("refused", bad)).isInstanceOf(InvalidParameterValueException.class);
        assertThat(quickSight.describeAnalysisDefinition(b -> b.awsAccountId(ACCOUNT).analysisId("checked"))
                .definition().calculatedFields()).singleElement()
                .satisfies(field -> assertThat(field.expression()).isEqualTo(
                        base.calculatedFields().get(0).expression()));
        assertThatThrownBy(() -> quickSight.describeAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId("refused")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void permissionsAreGrantedAndRevoked() {
        create("shared", AnalysisDefinitions.analysis(SALES));
        var updated = quickSight.updateAnalysisPermissions(b -> b.awsAccountId(ACCOUNT).analysisId("shared")
                .grantPermissions(ResourcePermission.builder().principal(ANALYST)
                        .actions("quicksight:DescribeAnalysis").build())
                .revokePermissions(ResourcePermission.builder().principal(ADMIN)
                        .actions("quicksight:UpdateAnalysis").build()));
        assertThat(updated.analysisArn()).endsWith(":analysis/shared");
        var permissions = quickSight.describeAnalysisPermissions(b -> b.awsAccountId(ACCOUNT).analysisId("shared"));
        assertThat(permissions.analysisId()).isEqualTo("shared");
        assertThat(permissions.permissions()).extracting(ResourcePermission::principal, ResourcePermission::actions)
                .containsExactly(Tuple.tuple(ADMIN, List.of("quicksight:DescribeAnalysis")),
                        Tuple.tuple(ANALYST, List.of("quicksight:DescribeAnalysis")));
    }

    @Test
    void listingsPageAndLeaveDeletedAnalysesOut() {
        IntStream.range(0, 5).forEach(i -> create("analysis-" + i, AnalysisDefinitions.analysis(SALES)));
        quickSight.deleteAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId("analysis-2"));
        assertThat(quickSight.listAnalysesPaginator(b -> b.awsAccountId(ACCOUNT).maxResults(2))
                .analysisSummaryList().stream().map(AnalysisSummary::analysisId).toList())
                .containsExactly("analysis-0", "analysis-1", "analysis-3", "analysis-4");
        var first = quickSight.listAnalyses(b -> b.awsAccountId(ACCOUNT).maxResults(3));
        assertThat(first.analysisSummaryList()).hasSize(3);
        assertThat(first.nextToken()).isNotNull();
        assertThatThrownBy(() -> quickSight.listAnalyses(b -> b.awsAccountId(ACCOUNT).nextToken("bogus")))
                .isInstanceOfSatisfying(InvalidNextTokenException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400));
    }

    @Test
    void aDeletedAnalysisWaitsInItsRecoveryWindowAndIsRestored() {
        create("kept", AnalysisDefinitions.analysis(SALES));
        Instant before = Instant.now();
        var deleted = quickSight.deleteAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId("kept")
                .recoveryWindowInDays(7L));
        assertThat(deleted.deletionTime()).isBetween(before.plus(Duration.ofDays(7)).minusSeconds(5),
                Instant.now().plus(Duration.ofDays(7)).plusSeconds(5));
        assertThat(quickSight.describeAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId("kept")).analysis().status())
                .isEqualTo(ResourceStatus.DELETED);
        assertThatThrownBy(() -> quickSight.updateAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId("kept")
                .name("x").definition(AnalysisDefinitions.analysis(SALES))))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> create("kept", AnalysisDefinitions.analysis(SALES)))
                .isInstanceOf(ResourceExistsException.class);

        var restored = quickSight.restoreAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId("kept"));
        assertThat(restored.arn()).endsWith(":analysis/kept");
        assertThat(quickSight.describeAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId("kept")).analysis().status())
                .isEqualTo(ResourceStatus.CREATION_SUCCESSFUL);
        assertThat(quickSight.listAnalyses(b -> b.awsAccountId(ACCOUNT)).analysisSummaryList()).hasSize(1);
        assertThatThrownBy(() -> quickSight.restoreAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId("kept")))
                .isInstanceOf(InvalidParameterValueException.class);

        quickSight.deleteAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId("kept").forceDeleteWithoutRecovery(true));
        assertNotFound(() -> quickSight.describeAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId("kept")));
        assertNotFound(() -> quickSight.restoreAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId("kept")));
    }

    @Test
    void refusalsAreQuickSightsErrors() {
        create("taken", AnalysisDefinitions.analysis(SALES));
        assertThatThrownBy(() -> create("taken", AnalysisDefinitions.analysis(SALES)))
                .isInstanceOfSatisfying(ResourceExistsException.class, e -> assertThat(e.statusCode())
                        .isEqualTo(409));
        assertNotFound(() -> quickSight.describeAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId("nothing")));
        assertNotFound(() -> quickSight.describeAnalysisDefinition(b -> b.awsAccountId(ACCOUNT)
                .analysisId("nothing")));
        assertNotFound(() -> quickSight.updateAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId("nothing")
                .name("n").definition(AnalysisDefinitions.analysis(SALES))));
        assertNotFound(() -> quickSight.deleteAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId("nothing")));
        assertNotFound(() -> quickSight.describeAnalysisPermissions(b -> b.awsAccountId(ACCOUNT)
                .analysisId("nothing")));
        assertThatThrownBy(() -> quickSight.describeAnalysis(b -> b.awsAccountId("111122223333")
                .analysisId("taken"))).isInstanceOf(AccessDeniedException.class);

        assertInvalid(() -> quickSight.createAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId("from-template")
                .name("t").sourceEntity(s -> s.sourceTemplate(t -> t.arn(
                        "arn:aws:quicksight:us-east-1:000000000000:template/t").dataSetReferences(r -> r
                        .dataSetPlaceholder("sales").dataSetArn(SALES))))), "Templates are not served by Glaux");
        assertInvalid(() -> quickSight.createAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId("empty").name("e")),
                "Definition");
        assertInvalid(() -> create("bad id!", AnalysisDefinitions.analysis(SALES)), "analysisId");
        assertInvalid(() -> quickSight.createAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId("no-name")
                .definition(AnalysisDefinitions.analysis(SALES))), "'name'");
        assertInvalid(() -> quickSight.createAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId("long-name")
                .name("n".repeat(2049)).definition(AnalysisDefinitions.analysis(SALES))), "2048");
        List<SheetDefinition> sheets = IntStream.range(0, 21).mapToObj(i -> SheetDefinition.builder()
                .sheetId("sheet-" + i).build()).toList();
        assertInvalid(() -> create("many-sheets", AnalysisDefinitions.analysis(SALES).toBuilder().sheets(sheets)
                .build()), "less than or equal to 20");
        assertInvalid(() -> create("no-declarations", AnalysisDefinition.builder().build()),
                "DataSetIdentifierDeclarations");
        assertInvalid(() -> quickSight.deleteAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId("taken")
                .recoveryWindowInDays(3L)), "greater than or equal to 7");
        assertInvalid(() -> quickSight.deleteAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId("taken")
                .recoveryWindowInDays(7L).forceDeleteWithoutRecovery(true)), "RecoveryWindowInDays");
        assertThat(quickSight.listAnalyses(b -> b.awsAccountId(ACCOUNT)).analysisSummaryList()).hasSize(1);
    }

    @Test
    void analysesSurviveARestart() throws Exception {
        AnalysisDefinition definition = AnalysisDefinitions.analysis(SALES);
        create("kept", definition);
        create("orphan", AnalysisDefinitions.analysis(MISSING));
        quickSight.deleteAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId("orphan"));
        server.close();
        quickSight.close();
        server = AnalysisDefinitions.startWithSales(data);
        quickSight = QuickSightClients.quickSight(server);
        assertThat(quickSight.describeAnalysisDefinition(b -> b.awsAccountId(ACCOUNT).analysisId("kept"))
                .definition()).isEqualTo(definition);
        assertThat(quickSight.describeAnalysisPermissions(b -> b.awsAccountId(ACCOUNT).analysisId("kept"))
                .permissions()).hasSize(1);
        Analysis orphan = quickSight.describeAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId("orphan")).analysis();
        assertThat(orphan.status()).isEqualTo(ResourceStatus.DELETED);
        quickSight.restoreAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId("orphan"));
        Analysis restored = quickSight.describeAnalysis(b -> b.awsAccountId(ACCOUNT).analysisId("orphan"))
                .analysis();
        assertThat(restored.status()).isEqualTo(ResourceStatus.CREATION_FAILED);
        assertThat(restored.errors()).extracting(AnalysisError::type)
                .containsExactly(AnalysisErrorType.DATA_SET_NOT_FOUND);
    }

    private static void assertNotFound(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(404);
            assertThat(e.requestId()).isNotBlank();
        });
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidParameterValueException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorMessage()).contains(message);
        });
    }
}
