package io.glaux.sample;

import io.glaux.Glaux;
import io.glaux.catalog.ddl.DdlExecutor;
import io.glaux.catalog.ddl.DdlParser;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.persist.DeferredSync;
import io.glaux.sql.QueryContext;
import io.glaux.storage.ObjectStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

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

    /**
     * Installs the dataset unless a previous start already did; it is on disk when this returns. Returns whether it
     * installed now.
     */
    public boolean installOnFirstStart() throws IOException {
        Optional<Unforced> unforced = installUnforcedOnFirstStart();
        if (unforced.isPresent()) {
            unforced.get().force();
        }
        return unforced.isPresent();
    }

    /**
     * Installs the dataset unless a previous start already did, without waiting for the disk: when this returns the
     * objects are in the store and the tables registered, and {@link Unforced#force} forces the objects to disk and
     * then marks the install done, so that a server can run it beside the rest of its start. Until it has, the next
     * start installs the dataset again, as after an interrupted install. Empty when a previous start installed it.
     */
    public Optional<Unforced> installUnforcedOnFirstStart() throws IOException {
        Path marker = glaux.dataFolder().resolve(".glaux").resolve("sample-data-installed");
        if (Files.exists(marker)) {
            return Optional.empty();
        }
        DeferredSync pending = new DeferredSync();
        install(glaux.store().deferringSync(pending));
        return Optional.of(new Unforced(pending, marker));
    }

    /** Copies the objects into bucket {@value SampleDataset#BUCKET} and runs the DDL. */
    public void install() throws IOException {
        install(glaux.store());
    }

    /**
     * The DDL registers the tables in the catalog directly, as a crawler would: the user ran no query, so the install
     * leaves no query history and no result objects.
     */
    private void install(ObjectStore store) throws IOException {
        store.createBucket(SampleDataset.BUCKET);
        SampleDataset.copyTo((key, content) -> store.put(SampleDataset.BUCKET, key, content.readAllBytes()));
        DdlExecutor ddl = new DdlExecutor(glaux.catalog(), store);
        for (String statement : SampleDataset.ddlStatements()) {
            try {
                ddl.execute(DdlParser.tryParse(statement).orElseThrow(() -> new GlauxException(
                        ErrorType.INTERNAL_SERVICE_ERROR, "not a DDL statement")), QueryContext.DEFAULT.database());
            } catch (GlauxException e) {
                throw new GlauxException(ErrorType.INTERNAL_SERVICE_ERROR, "Installing the sample data failed at '"
                        + statement.lines().findFirst().orElse("") + "': " + e.getMessage(), e);
            }
        }
    }

    /** An install whose objects are not yet forced to disk, nor the install marked done. */
    public static final class Unforced {

        private final DeferredSync pending;
        private final Path marker;

        private Unforced(DeferredSync pending, Path marker) {
            this.pending = pending;
            this.marker = marker;
        }

        /** Forces the installed objects to disk, then writes the marker that the next start finds. */
        public void force() throws IOException {
            pending.force();
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, "shop\n");
        }
    }
}
