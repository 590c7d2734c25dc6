package io.glaux.s3.api;

import io.glaux.Glaux;

import java.nio.file.Path;
import java.util.List;

/** The S3 endpoint over Glaux's embedded data folder. */
class S3EndpointOverEmbeddedStoreTest extends S3EndpointContractTest {

    @Override
    protected Glaux.Builder engine(Path data) {
        return Glaux.builder().dataFolder(data);
    }

    @Override
    protected List<String> unusualKeys() {
        return List.of("s".repeat(1000), "long/" + "x".repeat(600) + "/" + "y".repeat(300), "../dot-dot",
                "a/../../b", "x/./y", "a//b", "trailing/", "sp ace/plus+/%25", "\u00e9".repeat(512), "back\\slash",
                "a", "a/b");
    }
}
