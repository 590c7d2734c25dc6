package io.glaux.tags;

import io.glaux.datacatalog.DataCatalogService;
import io.glaux.workgroup.WorkgroupService;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Tags of Athena resources by ARN: workgroups and registered data catalogs keep their tags with their own
 * definition, so tags persist, and go, with the resource. A well-formed ARN naming nothing that exists (including
 * capacity reservations, which Glaux doesn't have, and {@code AwsDataCatalog}, which Athena doesn't treat as a
 * registered catalog) is an {@link UnknownResourceException}.
 */
public final class ResourceTags {

    private final WorkgroupService workgroups;
    private final DataCatalogService dataCatalogs;

    public ResourceTags(WorkgroupService workgroups, DataCatalogService dataCatalogs) {
        this.workgroups = workgroups;
        this.dataCatalogs = dataCatalogs;
    }

    /** The resource's tags, sorted by key. */
    public Map<String, String> list(String arn) {
        AthenaArn resource = AthenaArn.parse(arn);
        return new TreeMap<>(switch (resource.type()) {
            case WORKGROUP -> workgroups.find(resource.name()).orElseThrow(() -> unknown(arn, resource)).tags();
            case DATA_CATALOG -> dataCatalogs.registered(resource.name())
                    .orElseThrow(() -> unknown(arn, resource)).tags();
            case CAPACITY_RESERVATION -> throw unknown(arn, resource);
        });
    }

    /** Adds tags, replacing the values of keys already there. */
    public void tag(String arn, Map<String, String> tags) {
        TagRules.checkNew(tags);
        change(arn, current -> {
            Map<String, String> next = new TreeMap<>(current);
            next.putAll(tags);
            TagRules.checkCount(next);
            return next;
        });
    }

    /** Removes the given keys; keys the resource doesn't have are ignored. */
    public void untag(String arn, Collection<String> keys) {
        change(arn, current -> {
            Map<String, String> next = new TreeMap<>(current);
            keys.forEach(next::remove);
            return next;
        });
    }

    private void change(String arn, UnaryOperator<Map<String, String>> change) {
        AthenaArn resource = AthenaArn.parse(arn);
        switch (resource.type()) {
            case WORKGROUP -> {
                if (workgroups.find(resource.name()).isEmpty()) {
                    throw unknown(arn, resource);
                }
                workgroups.changeTags(resource.name(), change);
            }
            case DATA_CATALOG -> {
                if (dataCatalogs.registered(resource.name()).isEmpty()) {
                    throw unknown(arn, resource);
                }
                dataCatalogs.changeTags(resource.name(), change);
            }
            case CAPACITY_RESERVATION -> throw unknown(arn, resource);
        }
    }

    private static UnknownResourceException unknown(String arn, AthenaArn resource) {
        String what = switch (resource.type()) {
            case WORKGROUP -> "WorkGroup " + resource.name() + " is not found.";
            case DATA_CATALOG -> "DataCatalog " + resource.name() + " was not found.";
            case CAPACITY_RESERVATION -> "Capacity reservation " + resource.name() + " is not found.";
        };
        return new UnknownResourceException(arn, what);
    }
}
