package io.glaux.quicksight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** QuickSight's Update*Permissions: grants add actions per principal, revokes remove them; a principal left with none goes. */
public final class ResourcePermissions {

    private ResourcePermissions() {
    }

    public static List<ResourcePermission> update(List<ResourcePermission> current, List<ResourcePermission> grant,
            List<ResourcePermission> revoke) {
        Map<String, Set<String>> byPrincipal = new LinkedHashMap<>();
        for (ResourcePermission permission : current) {
            byPrincipal.computeIfAbsent(permission.principal(), p -> new LinkedHashSet<>()).addAll(permission.actions());
        }
        for (ResourcePermission permission : grant) {
            byPrincipal.computeIfAbsent(permission.principal(), p -> new LinkedHashSet<>()).addAll(permission.actions());
        }
        for (ResourcePermission permission : revoke) {
            Set<String> actions = byPrincipal.get(permission.principal());
            if (actions != null) {
                permission.actions().forEach(actions::remove);
                if (actions.isEmpty()) {
                    byPrincipal.remove(permission.principal());
                }
            }
        }
        List<ResourcePermission> updated = new ArrayList<>();
        byPrincipal.forEach((principal, actions) -> updated.add(new ResourcePermission(principal, List.copyOf(actions))));
        return updated;
    }
}
