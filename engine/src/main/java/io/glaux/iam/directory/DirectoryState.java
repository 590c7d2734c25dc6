package io.glaux.iam.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the directory keeps, as one JSON state file ({@code <data>/.glaux/iam/directory.json}), written
 * atomically after each change. Users, groups and roles are keyed by their lower-cased name (IAM names are unique
 * ignoring case), customer managed policies by ARN. The directory guards it with its lock.
 */
final class DirectoryState {

    public Map<String, StoredUser> users = new TreeMap<>();
    public Map<String, StoredGroup> groups = new TreeMap<>();
    public Map<String, StoredRole> roles = new TreeMap<>();
    public Map<String, StoredPolicy> policies = new TreeMap<>();

    /** The inline and attached policies of a user, group or role. */
    static class Policies {
        public Map<String, String> inlinePolicies = new TreeMap<>();
        public List<String> attachedPolicies = new ArrayList<>();
    }

    static final class StoredUser extends Policies {
        public User user;
        public List<AccessKey> accessKeys = new ArrayList<>();
        /** The lower-cased names of the groups the user is in. */
        public List<String> groups = new ArrayList<>();
    }

    static final class StoredGroup extends Policies {
        public Group group;
    }

    static final class StoredRole extends Policies {
        public Role role;
    }

    static final class StoredPolicy {
        public ManagedPolicy policy;
        public List<PolicyVersion> versions = new ArrayList<>();
        /** The number the next version gets (IAM never reuses a version id). */
        public int nextVersion = 2;
    }

    static String key(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }
}
