package io.glaux.iam.api;

import io.glaux.aws.protocol.QueryInput;
import io.glaux.aws.protocol.QueryOperation;
import io.glaux.aws.protocol.XmlAnswer;
import io.glaux.iam.directory.EntityKind;
import io.glaux.iam.directory.IamDirectory;

import java.util.Map;

/**
 * The policies of users, groups and roles, the same seven operations for each kind: Attach/Detach{Kind}Policy,
 * ListAttached{Kind}Policies, and Put/Get/Delete/List{Kind}Policy (or Policies) for inline policies, whose
 * documents are answered URL-encoded as IAM does.
 */
final class EntityPolicyOperations {

    private final IamDirectory directory;

    EntityPolicyOperations(IamDirectory directory) {
        this.directory = directory;
    }

    void register(Map<String, QueryOperation> operations) {
        for (EntityKind kind : EntityKind.values()) {
            register(operations, kind);
        }
    }

    private void register(Map<String, QueryOperation> operations, EntityKind kind) {
        String word = Character.toUpperCase(kind.word().charAt(0)) + kind.word().substring(1);
        String nameMember = word + "Name";
        operations.put("Attach" + word + "Policy", (in, ctx) -> {
            directory.attachPolicy(kind, name(in, kind, nameMember), IamMembers.policyArn(in));
            return null;
        });
        operations.put("Detach" + word + "Policy", (in, ctx) -> {
            directory.detachPolicy(kind, name(in, kind, nameMember), IamMembers.policyArn(in));
            return null;
        });
        operations.put("ListAttached" + word + "Policies", (in, ctx) -> {
            String name = name(in, kind, nameMember);
            in.string("PathPrefix", 1, 512, IamMembers.POLICY_PATH);
            return IamPage.write(in, directory.attachedPolicies(kind, name), "AttachedPolicies",
                    (xml, policy) -> xml.add("PolicyName", policy.policyName()).add("PolicyArn", policy.policyArn()));
        });
        operations.put("Put" + word + "Policy", (in, ctx) -> {
            directory.putInlinePolicy(kind, name(in, kind, nameMember), IamMembers.policyName(in),
                    IamMembers.document(in, "PolicyDocument"));
            return null;
        });
        operations.put("Get" + word + "Policy", (in, ctx) -> {
            String name = name(in, kind, nameMember);
            String policyName = IamMembers.policyName(in);
            String document = directory.inlinePolicy(kind, name, policyName);
            return new XmlAnswer().add(nameMember, name).add("PolicyName", policyName)
                    .add("PolicyDocument", IamShapes.encoded(document));
        });
        operations.put("Delete" + word + "Policy", (in, ctx) -> {
            directory.deleteInlinePolicy(kind, name(in, kind, nameMember), IamMembers.policyName(in));
            return null;
        });
        operations.put("List" + word + "Policies", (in, ctx) -> IamPage.strings(in,
                directory.inlinePolicyNames(kind, name(in, kind, nameMember)), "PolicyNames"));
    }

    private static String name(QueryInput in, EntityKind kind, String member) {
        return in.requiredString(member, 1, kind == EntityKind.ROLE ? 64 : 128, IamMembers.NAME);
    }
}
