package io.glaux.quicksight.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.quicksight.ResourcePermission;

import java.util.List;
import java.util.Map;

/** Structures several QuickSight responses share. */
final class QuickSightJson {

    private QuickSightJson() {
    }

    static void putPermissions(ObjectNode node, String member, List<ResourcePermission> permissions) {
        ArrayNode list = node.putArray(member);
        for (ResourcePermission permission : permissions) {
            ObjectNode item = list.addObject();
            item.put("Principal", permission.principal());
            ArrayNode actions = item.putArray("Actions");
            permission.actions().forEach(actions::add);
        }
    }

    /** Tags sorted by key, so every listing gives them in the same order. */
    static void putTags(ObjectNode node, String member, Map<String, String> tags) {
        ArrayNode list = node.putArray(member);
        new java.util.TreeMap<>(tags).forEach((key, value) -> list.addObject().put("Key", key).put("Value", value));
    }
}
