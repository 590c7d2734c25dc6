package io.glaux.cli;

import io.glaux.Glaux;
import io.glaux.sample.SampleDataInstaller;
import io.glaux.storage.S3StoreConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Where Glaux keeps its data: the embedded data folder, or an external S3-compatible endpoint. */
final class StoreOptions {

    @Option(names = "--data", description = "Data folder (catalog, history and, without --s3-endpoint, the objects)."
            + " Default: ${DEFAULT-VALUE}", defaultValue = "glaux-data")
    Path dataFolder;

    @Option(names = "--s3-endpoint", description = "Keep objects in this S3-compatible store (MinIO, s3proxy, AWS).")
    String s3Endpoint;

    @Option(names = "--s3-region", defaultValue = "us-east-1", description = "Region for --s3-endpoint.")
    String s3Region;

    @Option(names = "--s3-access-key", defaultValue = "${env:AWS_ACCESS_KEY_ID}",
            description = "Access key for --s3-endpoint (default: $AWS_ACCESS_KEY_ID).")
    String s3AccessKey;

    @Option(names = "--s3-secret-key", defaultValue = "${env:AWS_SECRET_ACCESS_KEY}",
            description = "Secret key for --s3-endpoint (default: $AWS_SECRET_ACCESS_KEY).")
    String s3SecretKey;

    @Option(names = "--no-sample-data", description = "Don't install the sample dataset on first start.")
    boolean noSampleData;

    @Mixin
    CatalogOptions catalogs;

    /** Opens the engine; when this start installs the sample data, it is on disk before this returns. */
    Glaux open() throws IOException {
        Opened opened = openUnforced();
        try {
            if (opened.install().isPresent()) {
                opened.install().get().force();
            }
        } catch (IOException | RuntimeException e) {
            closeAfter(opened.glaux(), e);
            throw e;
        }
        return opened.glaux();
    }

    /**
     * Opens the engine; when this start installs the sample data, its objects are in the store and its tables
     * registered, but forcing them to disk (and marking the install done) is left to the caller.
     */
    Opened openUnforced() throws IOException {
        Glaux.Builder builder = Glaux.builder().dataFolder(dataFolder);
        if (s3Endpoint != null) {
            builder.s3(new S3StoreConfig(s3Endpoint, s3Region, s3AccessKey, s3SecretKey));
        }
        Map<String, String> connections = catalogs.connections();
        CatalogOptions.configure(builder, connections);
        Glaux glaux = builder.build();
        try {
            CatalogOptions.register(glaux, connections);
            Optional<SampleDataInstaller.Unforced> install = noSampleData ? Optional.empty()
                    : new SampleDataInstaller(glaux).installUnforcedOnFirstStart();
            return new Opened(glaux, install);
        } catch (IOException | RuntimeException e) {
            closeAfter(glaux, e);
            throw e;
        }
    }

    /** Closes an engine that failed to open completely; a failure to close is added to the first failure. */
    private static void closeAfter(Glaux glaux, Exception failure) {
        try {
            glaux.close();
        } catch (IOException closing) {
            failure.addSuppressed(closing);
        }
    }

    /** An opened engine, and the sample data's install when this start made it and it is not yet on disk. */
    record Opened(Glaux glaux, Optional<SampleDataInstaller.Unforced> install) {
    }
}
