package io.glaux.quicksight.analysis;

import io.glaux.quicksight.ResourcePermission;
import io.glaux.quicksight.SharedResource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A QuickSight dashboard and its versions (by number; deleted versions are gone, their numbers not reused).
 *
 * @param publishedVersion the number of the version readers see
 * @param lastVersion the highest version number given so far
 */
public record Dashboard(String id, String arn, Instant createdTime, Instant lastUpdatedTime,
        Instant lastPublishedTime, long publishedVersion, long lastVersion, List<DashboardVersion> versions,
        List<ResourcePermission> permissions, Map<String, String> tags) implements SharedResource<Dashboard> {

    public Dashboard {
        versions = versions == null ? List.of() : List.copyOf(versions);
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public Optional<DashboardVersion> version(long number) {
        return versions.stream().filter(version -> version.number() == number).findFirst();
    }

    public DashboardVersion published() {
        return version(publishedVersion).orElseThrow();
    }

    public DashboardVersion latest() {
        return versions.get(versions.size() - 1);
    }

    /** The dashboard's name: that of its published version. */
    public String name() {
        return published().name();
    }

    @Override
    public Dashboard withPermissions(List<ResourcePermission> newPermissions) {
        return new Dashboard(id, arn, createdTime, lastUpdatedTime, lastPublishedTime, publishedVersion, lastVersion,
                versions, newPermissions, tags);
    }

    @Override
    public Dashboard withTags(Map<String, String> newTags) {
        return new Dashboard(id, arn, createdTime, lastUpdatedTime, lastPublishedTime, publishedVersion, lastVersion,
                versions, permissions, newTags);
    }
}
