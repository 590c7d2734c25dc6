package io.glaux.tags;

import io.glaux.error.GlauxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AthenaArnTest {

    @Test
    void readsWorkgroupAndDataCatalogArnsOfAnyRegionAndAccount() {
        AthenaArn workgroup = AthenaArn.parse("arn:aws:athena:us-east-1:000000000000:workgroup/team.a-1");
        assertThat(workgroup.type()).isEqualTo(AthenaArn.ResourceType.WORKGROUP);
        assertThat(workgroup.name()).isEqualTo("team.a-1");
        assertThat(workgroup.region()).isEqualTo("us-east-1");
        assertThat(workgroup.account()).isEqualTo("000000000000");
        assertThat(workgroup).hasToString("arn:aws:athena:us-east-1:000000000000:workgroup/team.a-1");

        AthenaArn catalog = AthenaArn.parse("arn:aws-us-gov:athena:us-gov-west-1:123456789012:datacatalog/dyn@mo");
        assertThat(catalog.type()).isEqualTo(AthenaArn.ResourceType.DATA_CATALOG);
        assertThat(catalog.partition()).isEqualTo("aws-us-gov");
        assertThat(catalog.name()).isEqualTo("dyn@mo");
        assertThat(AthenaArn.parse("arn:aws:athena:eu-west-3:123456789012:capacity-reservation/r").type())
                .isEqualTo(AthenaArn.ResourceType.CAPACITY_RESERVATION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "primary", "arn:aws:athena:us-east-1::workgroup/", "arn:aws:athena:us-east-1::workgroup/x",
            "arn:aws:s3:us-east-1:000000000000:workgroup/x", "arn:aws:athena:us-east-1:000000000000:workgroup/",
            "arn:aws:athena:us-east-1:000000000000:namedquery/x", "arn:aws:athena:us-east-1:12345:workgroup/x",
            "arn:aws:athena:us-east-1:000000000000:workgroup/a/b", "arn:gcp:athena:us-east-1:000000000000:workgroup/x"})
    void anythingElseIsAnInvalidArn(String arn) {
        assertThatThrownBy(() -> AthenaArn.parse(arn)).isInstanceOf(GlauxException.class)
                .hasMessage("Provided ARN was invalid");
    }
}
