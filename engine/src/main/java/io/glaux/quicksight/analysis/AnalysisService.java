package io.glaux.quicksight.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.quicksight.QuickSightException;
import io.glaux.quicksight.ResourceFiles;
import io.glaux.quicksight.ResourcePermission;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * QuickSight's analyses, kept across restarts. Creating or updating one checks its Definition against the datasets
 * it names ({@link Definitions#check}): a missing dataset or column leaves it CREATION_FAILED or UPDATE_FAILED with
 * QuickSight's errors, and it is kept anyway. Deleting one starts a recovery window (30 days unless told, or none
 * when forced) in which it is DELETED, left out of listings, and can be restored; after it, it is gone.
 */
public final class AnalysisService {

    /** QuickSight's ExceptionResourceType has no analysis type: refusals name none. */
    private static final String RESOURCE_TYPE = null;
    public static final long DEFAULT_RECOVERY_DAYS = 30;

    private final ResourceFiles<Analysis> analyses;
    private final DataSetColumns dataSets;
    private final Clock clock;

    public AnalysisService(Path folder, DataSetColumns dataSets, Clock clock, boolean syncWrites) {
        this.analyses = new ResourceFiles<>(folder, Analysis.class, Analysis::id, syncWrites);
        this.dataSets = dataSets;
        this.clock = clock;
    }

    /** The analysis, deleted or not, unless its recovery window has passed (then it is removed). */
    public synchronized Optional<Analysis> find(String id) {
        Optional<Analysis> found = analyses.find(id);
        if (found.isPresent() && expired(found.get())) {
            analyses.delete(id);
            return Optional.empty();
        }
        return found;
    }

    public Analysis get(String id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    /** The analyses that are not deleted, by id. */
    public List<Analysis> list() {
        return analyses.list().stream().filter(analysis -> !analysis.deleted()).toList();
    }

    public synchronized Analysis create(String arn, String id, String name, JsonNode definition, String themeArn,
            List<ResourcePermission> permissions, Map<String, String> tags) {
        if (find(id).isPresent()) {
            throw QuickSightException.exists(RESOURCE_TYPE, "Analysis " + id + " already exists.");
        }
        List<DefinitionError> errors = Definitions.check(definition, dataSets);
        Instant now = clock.instant();
        Analysis created = new Analysis(id, arn, name, errors.isEmpty() ? "CREATION_SUCCESSFUL" : "CREATION_FAILED",
                errors, definition, themeArn, Definitions.dataSetArns(definition), now, now, null, permissions, tags);
        analyses.save(created);
        return created;
    }

    public synchronized Analysis update(String id, String name, JsonNode definition, String themeArn) {
        Analysis current = live(id);
        List<DefinitionError> errors = Definitions.check(definition, dataSets);
        Analysis updated = new Analysis(id, current.arn(), name, errors.isEmpty() ? "UPDATE_SUCCESSFUL"
                : "UPDATE_FAILED", errors, definition, themeArn, Definitions.dataSetArns(definition),
                current.createdTime(), clock.instant(), null, current.permissions(), current.tags());
        analyses.save(updated);
        return updated;
    }

    /**
     * Deletes the analysis: with {@code force}, at once and for good; otherwise it is DELETED until the end of its
     * recovery window ({@code recoveryDays}, 30 when null). The answer carries the DeletionTime.
     */
    public synchronized Analysis delete(String id, Long recoveryDays, boolean force) {
        if (force && recoveryDays != null) {
            throw QuickSightException.invalid("RecoveryWindowInDays cannot be given with ForceDeleteWithoutRecovery.");
        }
        Analysis current = get(id);
        if (force) {
            analyses.delete(id);
            return current.withDeletionTime(clock.instant());
        }
        if (current.deleted()) {
            throw QuickSightException.conflict(RESOURCE_TYPE, "Analysis " + id + " is already deleted; it goes for"
                    + " good at " + current.deletionTime() + " unless restored.");
        }
        Analysis deleted = current.withDeletionTime(clock.instant().plus(
                Duration.ofDays(recoveryDays == null ? DEFAULT_RECOVERY_DAYS : recoveryDays)));
        analyses.save(deleted);
        return deleted;
    }

    /** Brings back an analysis in its recovery window. */
    public synchronized Analysis restore(String id) {
        Analysis current = get(id);
        if (!current.deleted()) {
            throw QuickSightException.invalid("Analysis " + id + " is not deleted; only a deleted analysis in its"
                    + " recovery window can be restored.");
        }
        Analysis restored = current.withDeletionTime(null);
        analyses.save(restored);
        return restored;
    }

    public synchronized Analysis updatePermissions(String id, List<ResourcePermission> grant,
            List<ResourcePermission> revoke) {
        return analyses.saved(get(id).withPermissionsUpdated(grant, revoke));
    }

    public synchronized Analysis changeTags(String id, UnaryOperator<Map<String, String>> change) {
        return analyses.saved(get(id).withTagsChanged(change));
    }

    /** An analysis that is not deleted (a deleted one must be restored before it changes). */
    private Analysis live(String id) {
        Analysis current = get(id);
        if (current.deleted()) {
            throw QuickSightException.conflict(RESOURCE_TYPE, "Analysis " + id + " is deleted; restore it first.");
        }
        return current;
    }

    private boolean expired(Analysis analysis) {
        return analysis.deleted() && !clock.instant().isBefore(analysis.deletionTime());
    }

    private static QuickSightException notFound(String id) {
        return QuickSightException.notFound(RESOURCE_TYPE, "Analysis " + id + " is not found.");
    }
}
