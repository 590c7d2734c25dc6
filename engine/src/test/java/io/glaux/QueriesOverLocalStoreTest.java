package io.glaux;

import io.glaux.testing.GlauxFixture;

import java.nio.file.Path;

/** The query suite over objects kept as files in the data folder. */
class QueriesOverLocalStoreTest extends QueriesOverStoreContract {

    @Override
    GlauxFixture open(Path data) throws Exception {
        return GlauxFixture.local(data);
    }
}
