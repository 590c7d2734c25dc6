package io.glaux.iam.api;

import io.glaux.aws.protocol.QueryInput;
import io.glaux.aws.protocol.QueryOperation;
import io.glaux.aws.protocol.XmlAnswer;
import io.glaux.iam.directory.IamDirectory;
import io.glaux.iam.directory.ManagedPolicy;
import io.glaux.iam.directory.PolicyEntities;
import io.glaux.iam.directory.PolicyScope;
import io.glaux.iam.directory.PolicyVersion;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** IAM's managed policy operations: policies, their versions and the entities they are attached to. */
final class PolicyOperations {

    private static final List<String> SCOPES = List.of("All", "AWS", "Local");
    private static final List<String> ENTITY_FILTERS = List.of("User", "Role", "Group", "LocalManagedPolicy",
            "AWSManagedPolicy");

    private final IamDirectory directory;

    PolicyOperations(IamDirectory directory) {
        this.directory = directory;
    }

    void register(Map<String, QueryOperation> operations) {
        operations.put("CreatePolicy", (in, ctx) -> policyAnswer(directory.createPolicy(IamMembers.policyName(in),
                in.string("Path", 1, 512, IamMembers.POLICY_PATH), IamMembers.document(in, "PolicyDocument"),
                in.string("Description", 0, 1000, null))));
        operations.put("GetPolicy", (in, ctx) -> policyAnswer(directory.policy(IamMembers.policyArn(in))));
        operations.put("ListPolicies", (in, ctx) -> {
            String scope = in.enumValue("Scope", SCOPES);
            boolean onlyAttached = Boolean.TRUE.equals(in.bool("OnlyAttached"));
            return IamPage.write(in, directory.policies(scope == null ? PolicyScope.ALL
                    : PolicyScope.valueOf(scope.toUpperCase(Locale.ROOT)), onlyAttached,
                    in.string("PathPrefix", 1, 512, IamMembers.POLICY_PATH)), "Policies", IamShapes::policy);
        });
        operations.put("DeletePolicy", (in, ctx) -> {
            directory.deletePolicy(IamMembers.policyArn(in));
            return null;
        });
        operations.put("GetPolicyVersion", (in, ctx) -> versionAnswer(directory.policyVersion(
                IamMembers.policyArn(in), versionId(in)), true));
        operations.put("ListPolicyVersions", (in, ctx) -> IamPage.write(in,
                directory.policyVersions(IamMembers.policyArn(in)), "Versions",
                (xml, version) -> IamShapes.version(xml, version, false)));
        operations.put("CreatePolicyVersion", (in, ctx) -> versionAnswer(directory.createPolicyVersion(
                IamMembers.policyArn(in), IamMembers.document(in, "PolicyDocument"),
                Boolean.TRUE.equals(in.bool("SetAsDefault"))), false));
        operations.put("DeletePolicyVersion", (in, ctx) -> {
            directory.deletePolicyVersion(IamMembers.policyArn(in), versionId(in));
            return null;
        });
        operations.put("SetDefaultPolicyVersion", (in, ctx) -> {
            directory.setDefaultPolicyVersion(IamMembers.policyArn(in), versionId(in));
            return null;
        });
        operations.put("ListEntitiesForPolicy", (in, ctx) -> entities(in));
    }

    private XmlAnswer entities(QueryInput in) {
        String arn = IamMembers.policyArn(in);
        String filter = in.enumValue("EntityFilter", ENTITY_FILTERS);
        in.string("PathPrefix", 1, 512, IamMembers.PATH_PREFIX);
        in.integer("MaxItems", 1, 1000);
        PolicyEntities entities = directory.entitiesForPolicy(arn);
        XmlAnswer answer = new XmlAnswer();
        answer.list("PolicyGroups", wanted(filter, "Group") ? entities.groups() : List.of(),
                (xml, group) -> xml.add("GroupName", group.name()).add("GroupId", group.id()));
        answer.list("PolicyUsers", wanted(filter, "User") ? entities.users() : List.of(),
                (xml, user) -> xml.add("UserName", user.name()).add("UserId", user.id()));
        answer.list("PolicyRoles", wanted(filter, "Role") ? entities.roles() : List.of(),
                (xml, role) -> xml.add("RoleName", role.name()).add("RoleId", role.id()));
        return answer.add("IsTruncated", false);
    }

    private static boolean wanted(String filter, String kind) {
        return filter == null || filter.equals(kind) || filter.endsWith("ManagedPolicy");
    }

    private static String versionId(QueryInput in) {
        return in.requiredString("VersionId", 1, 128, IamMembers.VERSION_ID);
    }

    private static XmlAnswer policyAnswer(ManagedPolicy policy) {
        XmlAnswer content = new XmlAnswer();
        IamShapes.policy(content, policy);
        return new XmlAnswer().add("Policy", content);
    }

    private static XmlAnswer versionAnswer(PolicyVersion version, boolean withDocument) {
        XmlAnswer content = new XmlAnswer();
        IamShapes.version(content, version, withDocument);
        return new XmlAnswer().add("PolicyVersion", content);
    }
}
