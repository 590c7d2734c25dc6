package io.glaux.aws.protocol;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PathTemplateTest {

    private final PathTemplate dataSet = new PathTemplate("/accounts/{AwsAccountId}/data-sets/{DataSetId}");

    @Test
    void labelsAreWholeDecodedSegments() {
        assertThat(dataSet.match("/accounts/000000000000/data-sets/sales%20by%20region+x")).contains(Map.of(
                "AwsAccountId", "000000000000", "DataSetId", "sales by region+x"));
        assertThat(dataSet.match("/accounts/000000000000/data-sets/a%2Fb")).contains(Map.of(
                "AwsAccountId", "000000000000", "DataSetId", "a/b"));
    }

    @Test
    void otherShapesDoNotMatch() {
        assertThat(dataSet.match("/accounts/000000000000/data-sets")).isEmpty();
        assertThat(dataSet.match("/accounts/000000000000/data-sources/x")).isEmpty();
        assertThat(dataSet.match("/accounts/000000000000/data-sets/x/ingestions")).isEmpty();
        assertThat(dataSet.match("/accounts//data-sets/x")).isEmpty();
        assertThat(dataSet.match("/accounts/0/data-sets/%zz")).isEmpty();
    }

    @Test
    void aTrailingSlashIsTheSameResource() {
        assertThat(dataSet.match("/accounts/1/data-sets/x/")).contains(Map.of("AwsAccountId", "1", "DataSetId", "x"));
    }
}
