package io.glaux.iam.api;

import io.glaux.aws.protocol.XmlAnswer;
import io.glaux.iam.directory.AccessKey;
import io.glaux.iam.directory.Group;
import io.glaux.iam.directory.ManagedPolicy;
import io.glaux.iam.directory.PolicyVersion;
import io.glaux.iam.directory.Role;
import io.glaux.iam.directory.Tag;
import io.glaux.iam.directory.User;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** IAM's XML shapes of the directory's entities (User, Group, Role, Policy, PolicyVersion, AccessKey, Tag). */
final class IamShapes {

    private IamShapes() {
    }

    static void user(XmlAnswer xml, User user) {
        xml.add("Path", user.path()).add("UserName", user.name()).add("UserId", user.id()).add("Arn", user.arn())
                .add("CreateDate", user.createDate());
        tags(xml, user.tags());
    }

    /**
     * A user's or role's {@code PermissionsBoundary} (type {@code PermissionsBoundaryPolicy}, the model's one
     * value), when it has one. GetUser and GetRole answer it; the List calls do not, as IAM documents.
     */
    static void permissionsBoundary(XmlAnswer xml, String policyArn) {
        if (policyArn != null) {
            xml.add("PermissionsBoundary", new XmlAnswer().add("PermissionsBoundaryType", "PermissionsBoundaryPolicy")
                    .add("PermissionsBoundaryArn", policyArn));
        }
    }

    static void group(XmlAnswer xml, Group group) {
        xml.add("Path", group.path()).add("GroupName", group.name()).add("GroupId", group.id())
                .add("Arn", group.arn()).add("CreateDate", group.createDate());
    }

    static void role(XmlAnswer xml, Role role) {
        xml.add("Path", role.path()).add("RoleName", role.name()).add("RoleId", role.id()).add("Arn", role.arn())
                .add("CreateDate", role.createDate())
                .add("AssumeRolePolicyDocument", encoded(role.assumeRolePolicyDocument()))
                .add("Description", role.description().isEmpty() ? null : role.description())
                .add("MaxSessionDuration", role.maxSessionDuration());
        tags(xml, role.tags());
    }

    static void policy(XmlAnswer xml, ManagedPolicy policy) {
        xml.add("PolicyName", policy.name()).add("PolicyId", policy.id()).add("Arn", policy.arn())
                .add("Path", policy.path()).add("DefaultVersionId", policy.defaultVersionId())
                .add("AttachmentCount", policy.attachmentCount())
                .add("PermissionsBoundaryUsageCount", policy.permissionsBoundaryUsageCount())
                .add("IsAttachable", true)
                .add("Description", policy.description().isEmpty() ? null : policy.description())
                .add("CreateDate", policy.createDate()).add("UpdateDate", policy.updateDate());
    }

    static void version(XmlAnswer xml, PolicyVersion version, boolean withDocument) {
        if (withDocument) {
            xml.add("Document", encoded(version.document()));
        }
        xml.add("VersionId", version.versionId()).add("IsDefaultVersion", version.isDefaultVersion())
                .add("CreateDate", version.createDate());
    }

    /** An access key; its secret only when just created. */
    static void accessKey(XmlAnswer xml, AccessKey key, boolean withSecret) {
        xml.add("UserName", key.userName()).add("AccessKeyId", key.accessKeyId()).add("Status", key.status());
        if (withSecret) {
            xml.add("SecretAccessKey", key.secretAccessKey());
        }
        xml.add("CreateDate", key.createDate());
    }

    static void tags(XmlAnswer xml, List<Tag> tags) {
        if (!tags.isEmpty()) {
            xml.list("Tags", tags, IamShapes::tag);
        }
    }

    static void tag(XmlAnswer xml, Tag tag) {
        xml.add("Key", tag.key()).add("Value", tag.value());
    }

    /** A policy document as IAM answers it: URL-encoded. */
    static String encoded(String document) {
        return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
