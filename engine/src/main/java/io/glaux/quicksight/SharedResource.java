package io.glaux.quicksight;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A QuickSight resource with permissions and tags (data sources, datasets, analyses, dashboards): Update*Permissions,
 * TagResource and UntagResource change them the same way on each.
 *
 * @param <T> the resource's record type
 */
public interface SharedResource<T extends SharedResource<T>> {

    List<ResourcePermission> permissions();

    Map<String, String> tags();

    T withPermissions(List<ResourcePermission> permissions);

    T withTags(Map<String, String> tags);

    /** This resource with {@code grant} added to its permissions and {@code revoke} taken from them. */
    default T withPermissionsUpdated(List<ResourcePermission> grant, List<ResourcePermission> revoke) {
        return withPermissions(ResourcePermissions.update(permissions(), grant, revoke));
    }

    /** This resource with its tags changed by {@code change}. */
    default T withTagsChanged(UnaryOperator<Map<String, String>> change) {
        return withTags(change.apply(tags()));
    }
}
