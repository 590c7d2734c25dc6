package io.glaux.kms.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.AwsJson;
import io.glaux.aws.protocol.JsonInput;
import io.glaux.aws.protocol.JsonOperation;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.kms.GrantRequest;
import io.glaux.kms.KeyStore;
import io.glaux.kms.Kms;
import io.glaux.kms.KmsGrant;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CreateGrant, ListGrants, ListRetirableGrants, RetireGrant and RevokeGrant. Grants name their principals by ARN
 * ({@code GranteePrincipal}, {@code RetiringPrincipal}); service principals are not supported.
 */
final class GrantOperations {

    private static final Pattern SERVICE_PRINCIPAL = Pattern.compile(
            "^([A-Za-z0-9\\-]+)\\.([A-Za-z0-9\\-]+)(\\.[A-Za-z0-9\\-]+)+$");
    private static final Pattern GRANT_NAME = KmsInput.ALIAS_NAME;

    private final Kms kms;

    GrantOperations(Kms kms) {
        this.kms = kms;
    }

    void register(Map<String, JsonOperation> operations) {
        operations.put("CreateGrant", this::createGrant);
        operations.put("ListGrants", this::listGrants);
        operations.put("ListRetirableGrants", this::listRetirableGrants);
        operations.put("RetireGrant", this::retireGrant);
        operations.put("RevokeGrant", this::revokeGrant);
    }

    private JsonNode createGrant(JsonInput request, RequestContext context) {
        String keyId = KmsInput.requiredKeyId(request, "KeyId");
        String grantee = request.string("GranteePrincipal", 1, 256, KmsInput.PRINCIPAL);
        String retiring = request.string("RetiringPrincipal", 1, 256, KmsInput.PRINCIPAL);
        if (!request.has("Operations")) {
            throw request.violation(null, "Operations", "Member must not be null");
        }
        List<String> operations = request.strings("Operations", 0, Integer.MAX_VALUE, 0, Integer.MAX_VALUE);
        JsonInput constraints = request.object("Constraints");
        Map<String, String> subset = constraints.stringMap("EncryptionContextSubset");
        Map<String, String> equals = constraints.stringMap("EncryptionContextEquals");
        String sourceArn = constraints.string("SourceArn", 20, 512,
                Pattern.compile("^arn:aws[a-z0-9-]*:[a-z0-9-]+:[a-z0-9-]*:[0-9]{12}:.+$"));
        String name = request.string("Name", 1, 256, GRANT_NAME);
        boolean dryRun = KmsInput.dryRun(request);
        String granteeService = request.string("GranteeServicePrincipal", 1, 128, SERVICE_PRINCIPAL);
        String retiringService = request.string("RetiringServicePrincipal", 1, 128, SERVICE_PRINCIPAL);
        if (granteeService != null || retiringService != null || sourceArn != null) {
            throw KmsErrors.unsupported("Grants to service principals, and the SourceArn constraint, are not"
                    + " supported by Glaux");
        }
        if (grantee == null) {
            throw request.violation(null, "GranteePrincipal", "Member must not be null");
        }
        if (operations.isEmpty()) {
            throw request.violation(operations, "Operations", "Member must have length greater than or equal to 1");
        }
        if (subset != null && equals != null) {
            throw KmsErrors.validation("A grant can have EncryptionContextSubset or EncryptionContextEquals, not"
                    + " both.");
        }
        KeyStore store = KmsInput.store(kms, context);
        KmsInput.grantTokens(request, store);
        if (dryRun) {
            store.listGrants(keyId, null, null);
            throw KmsErrors.dryRun();
        }
        KmsGrant grant = store.createGrant(new GrantRequest(keyId, grantee, retiring, operations, subset, equals,
                name));
        return AwsJson.object().put("GrantToken", grant.grantToken()).put("GrantId", grant.grantId());
    }

    private JsonNode listGrants(JsonInput request, RequestContext context) {
        String keyId = KmsInput.requiredKeyId(request, "KeyId");
        String grantId = request.string("GrantId", 1, 128);
        String grantee = request.string("GranteePrincipal", 1, 256, KmsInput.PRINCIPAL);
        if (request.string("GranteeServicePrincipal", 1, 128, SERVICE_PRINCIPAL) != null) {
            return grants(request, List.of());
        }
        return grants(request, KmsInput.store(kms, context).listGrants(keyId, grantId, grantee));
    }

    private JsonNode listRetirableGrants(JsonInput request, RequestContext context) {
        String retiring = request.string("RetiringPrincipal", 1, 256, KmsInput.PRINCIPAL);
        String retiringService = request.string("RetiringServicePrincipal", 1, 128, SERVICE_PRINCIPAL);
        if (retiring == null && retiringService == null) {
            throw request.violation(null, "RetiringPrincipal", "Member must not be null");
        }
        List<KmsGrant> all = retiring == null ? List.of()
                : KmsInput.store(kms, context).listRetirableGrants(retiring);
        return grants(request, all);
    }

    private JsonNode retireGrant(JsonInput request, RequestContext context) {
        String token = request.string("GrantToken", 1, 8192);
        String keyId = KmsInput.keyId(request, "KeyId");
        String grantId = request.string("GrantId", 1, 128);
        boolean dryRun = KmsInput.dryRun(request);
        KeyStore store = KmsInput.store(kms, context);
        if (token == null && (keyId == null || grantId == null)) {
            throw KmsErrors.validation("Either GrantToken, or both KeyId and GrantId, must be specified.");
        }
        if (dryRun) {
            throw KmsErrors.dryRun();
        }
        if (token != null) {
            store.retireGrantByToken(token);
        } else {
            store.retireGrant(keyId, grantId);
        }
        return AwsJson.object();
    }

    private JsonNode revokeGrant(JsonInput request, RequestContext context) {
        String keyId = KmsInput.requiredKeyId(request, "KeyId");
        String grantId = request.requiredString("GrantId", 1, 128);
        if (KmsInput.dryRun(request)) {
            KmsInput.store(kms, context).listGrants(keyId, grantId, null);
            throw KmsErrors.dryRun();
        }
        KmsInput.store(kms, context).revokeGrant(keyId, grantId);
        return AwsJson.object();
    }

    private static JsonNode grants(JsonInput request, List<KmsGrant> all) {
        ObjectNode paging = AwsJson.object();
        List<KmsGrant> page = KmsInput.page(request, all, 50, paging);
        ObjectNode response = AwsJson.object();
        ArrayNode grants = response.putArray("Grants");
        page.forEach(grant -> grants.add(KmsJson.grant(grant)));
        response.setAll(paging);
        return response;
    }
}
