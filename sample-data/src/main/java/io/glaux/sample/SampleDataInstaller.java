package io.glaux.sample;

import io.glaux.Glaux;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Puts the sample shop dataset into a Glaux's store and registers it with its DDL, once: a marker in the data folder
 * records a completed install, so a user who drops the tables is not given them back. An install interrupted midway
 * is simply redone (objects are rewritten identically; the DDL uses IF NOT EXISTS).
 */
public final class SampleDataInstaller {

    private final Glaux glaux;

    public SampleDataInstaller(Glaux glaux) {
        this.glaux = glaux;
    }

    /** Installs the dataset unless a previous start already did; returns whether it installed now. */
    public boolean installOnFirstStart() throws IOException {
        Path marker = glaux.dataFolder().resolve(".glaux").resolve("sample-data-installed");
        if (Files.exists(marker)) {
            return false;
        }
        install();
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, "shop\n");
        return true;
    }

    /** Copies the objects into bucket {@value SampleDataset#BUCKET} and runs the DDL. */
    public void install() throws IOException {
        glaux.store().createBucket(SampleDataset.BUCKET);
        SampleDataset.copyTo((key, content) -> glaux.store().put(SampleDataset.BUCKET, key, content.readAllBytes()));
        for (String statement : SampleDataset.ddlStatements()) {
            QueryExecution done = glaux.execute(statement);
            if (done.state() != QueryState.SUCCEEDED) {
                throw new GlauxException(ErrorType.INTERNAL_SERVICE_ERROR, "Installing the sample data failed at '"
                        + statement.lines().findFirst().orElse("") + "': " + done.status().stateChangeReason());
            }
        }
    }
}
