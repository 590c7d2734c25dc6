package io.glaux.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShopDataScaleTest {

    @Test
    void rowCountsGrowWithTheScale(@TempDir Path folder) throws Exception {
        ShopDataGenerator tenth = new ShopDataGenerator(0.1);
        List<String> keys = tenth.generate(folder);

        ShopTables tables = new ShopTables(keys, key -> {
            try {
                return Files.readAllBytes(folder.resolve(key));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(tables.customers()).hasSize(100);
        assertThat(tables.products()).hasSize(20);
        assertThat(tables.orders()).hasSize(2_000);
        assertThat(tables.webEvents()).hasSize(500);
        assertThat(keys).hasSize(95);

        ShopDataGenerator fifty = new ShopDataGenerator(50);
        assertThat(fifty.customerCount()).isEqualTo(50_000);
        assertThat(fifty.orderCount()).isEqualTo(1_000_000);
        assertThat(fifty.webEventCount()).isEqualTo(250_000);
        assertThat(fifty.productCount()).isEqualTo(10_000);
    }

    @Test
    void rejectsScalesThatAreNotPositive() {
        assertThatThrownBy(() -> new ShopDataGenerator(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ShopDataGenerator(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ShopDataGenerator(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
